/* cycle-templates-data.c: the templates' plans, as tables of strings
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The templates are tables of strings marked with NC_("template", …), so that xgettext extracts
 * them and a French user starts from a French plan. Formats and channels are the untranslated
 * words of cycle_content_suggested_formats() and _channels(): views translate those.
 *
 * Each table keeps to the checks (cycle-checker.h): a call to action asks at most one rung above
 * the permission its stage has earned, every stage that asks also gives, nothing at the top of
 * the funnel talks about what is sold, money is asked for only from a stage that has earned a
 * personal relationship, stages follow the purchase, and a loop leads back from them.
 */

#define G_LOG_DOMAIN "cycle-templates"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cycle-templates-private.h"

#define GIVE(title, format, channel, persona, cta, commitment) \
  { title, format, channel, persona, cta, CYCLE_COMMITMENT_##commitment, CYCLE_DIRECTION_GIVES }
#define ASK(title, format, channel, persona, cta, commitment) \
  { title, format, channel, persona, cta, CYCLE_COMMITMENT_##commitment, CYCLE_DIRECTION_ASKS }

#define NONE        CYCLE_PERMISSION_NONE
#define SITUATIONAL CYCLE_PERMISSION_SITUATIONAL
#define BRAND_TRUST CYCLE_PERMISSION_BRAND_TRUST
#define PERSONAL    CYCLE_PERMISSION_PERSONAL
#define POINTS      CYCLE_PERMISSION_POINTS

#define NO_RATE CYCLE_RATE_UNSET
#define NO_DAYS CYCLE_DAYS_UNSET

/* ------------------------------------------------------------------------------------------------
 * The internal funnel closed into a cycle (seed 004), with the rates of a worked funnel:
 * 1,000 visitors → 40 leads (4%) → 20 prospects (50%) → 10 qualified (50%) → 6 customers (60%).
 */

static const TemplateStage internal_funnel_stages[] = {
  {
    NC_("template", "Visitors"),
    NC_("template", "An answer to the question they already have, with nothing asked in return."),
    NC_("template", "Can anyone help me with this?"),
    NC_("template", "Unique visitors a month"),
    NONE, 0.04, 7,
    {
      GIVE (NC_("template", "Ten questions our customers asked us first"), "article", "blog", 0,
            NC_("template", "Read the answers"), READ),
      GIVE (NC_("template", "The problem, explained in two minutes"), "video", "social", 1,
            NC_("template", "Follow us for more"), FOLLOW),
    },
  },
  {
    NC_("template", "Leads"),
    NC_("template", "A free guide that is worth more to them than an e-mail address."),
    NC_("template", "Is this worth my time?"),
    NC_("template", "Guides downloaded"),
    SITUATIONAL, 0.5, 14,
    {
      ASK (NC_("template", "The complete guide (free PDF)"), "e-book", "website", 1,
           NC_("template", "Get the guide by e-mail"), EMAIL),
      GIVE (NC_("template", "Three lessons, one a week"), "newsletter", "email", 0,
            NC_("template", "Open the first lesson"), READ),
    },
  },
  {
    NC_("template", "Prospects"),
    NC_("template", "Seeing how it would work for them makes it concrete."),
    NC_("template", "Would this work for me?"),
    NC_("template", "Webinar attendees"),
    BRAND_TRUST, 0.5, 14,
    {
      ASK (NC_("template", "Live walkthrough, with your questions"), "webinar", "events", 1,
           NC_("template", "Save a seat"), ACCOUNT),
      GIVE (NC_("template", "What do you need most? Three questions"), "survey", "email", 0,
            NC_("template", "Answer the survey"), READ),
    },
  },
  {
    NC_("template", "Qualified"),
    NC_("template", "Proof from people like them removes the last doubts."),
    NC_("template", "Can I trust them?"),
    NC_("template", "Calls booked"),
    BRAND_TRUST, 0.6, 10,
    {
      GIVE (NC_("template", "How a customer like you got started"), "case study", "blog", 1,
            NC_("template", "Read the story"), READ),
      ASK (NC_("template", "Half an hour to answer your questions"), "demo", "email", 0,
           NC_("template", "Book a call"), CALL),
    },
  },
  {
    NC_("template", "Customers"),
    NC_("template", "Keeping the promise from the first day makes the choice feel right."),
    NC_("template", "Did I make the right choice?"),
    NC_("template", "New customers a month"),
    PERSONAL, 0.3, 30,
    {
      ASK (NC_("template", "Your first month, with a money-back promise"), "article", "website",
           1, NC_("template", "Subscribe"), PAYMENT),
      GIVE (NC_("template", "Welcome: your first week, step by step"), "newsletter", "email", 0,
            NC_("template", "Follow the steps"), READ),
    },
  },
  {
    NC_("template", "Members"),
    NC_("template", "People stay where they belong: where they are known and keep learning."),
    NC_("template", "Do I belong here?"),
    NC_("template", "Active members"),
    POINTS, 0.25, 180,
    {
      ASK (NC_("template", "The members’ community"), "event", "community", 0,
           NC_("template", "Join the community"), ACCOUNT),
      GIVE (NC_("template", "Tips from the team, every month"), "newsletter", "email", 1,
            NC_("template", "Read this month’s tips"), READ),
    },
  },
  {
    NC_("template", "Evangelists"),
    NC_("template", "Sharing something good feels good, and their friends get a gift too."),
    NC_("template", "Who should I tell?"),
    NC_("template", "Referrals a month"),
    POINTS, NO_RATE, NO_DAYS,
    {
      ASK (NC_("template", "Give a month, get a month"), "newsletter", "email", 0,
           NC_("template", "Invite a friend"), REFERRAL),
      GIVE (NC_("template", "Customer stories, written with customers"), "article", "blog", 1,
            NC_("template", "Read and share"), READ),
    },
  },
};

/* ------------------------------------------------------------------------------------------------
 * AIDA (E. St. Elmo Lewis, 1898). No stage asks for money here: the last third of the funnel
 * (Action) counts as after the purchase, and its referral loops back to Attention.
 */

static const TemplateStage aida_stages[] = {
  {
    NC_("template", "Attention"),
    NC_("template", "A surprising, useful idea earns a few seconds of attention."),
    NC_("template", "Is this for me?"),
    NC_("template", "People reached"),
    NONE, 0.2, 1,
    {
      GIVE (NC_("template", "One surprising fact about your problem"), "social post", "social",
            0, NC_("template", "Follow for more"), FOLLOW),
      GIVE (NC_("template", "The problem in one picture"), "article", "search", 1,
            NC_("template", "Read the article"), READ),
    },
  },
  {
    NC_("template", "Interest"),
    NC_("template", "Showing how the problem can be solved keeps them reading."),
    NC_("template", "How does it work?"),
    NC_("template", "Time spent reading"),
    SITUATIONAL, 0.25, 7,
    {
      GIVE (NC_("template", "How it works, in three steps"), "video", "website", 0,
            NC_("template", "Watch the video"), READ),
      ASK (NC_("template", "The comparison checklist"), "e-book", "email", 1,
           NC_("template", "Get the checklist by e-mail"), EMAIL),
    },
  },
  {
    NC_("template", "Desire"),
    NC_("template", "Seeing people like them succeed turns interest into wanting it."),
    NC_("template", "Would it make my life better?"),
    NC_("template", "Trial requests"),
    BRAND_TRUST, 0.3, 14,
    {
      GIVE (NC_("template", "Before and after: three customer stories"), "case study", "blog", 1,
            NC_("template", "Read the stories"), READ),
      ASK (NC_("template", "Try it with your own data"), "demo", "website", 0,
           NC_("template", "Create a free account"), ACCOUNT),
    },
  },
  {
    NC_("template", "Action"),
    NC_("template", "A clear, easy first step without risk makes acting simple."),
    NC_("template", "How do I start?"),
    NC_("template", "New customers"),
    PERSONAL, NO_RATE, 7,
    {
      GIVE (NC_("template", "Start in five minutes: the first-day guide"), "article", "in-app", 0,
            NC_("template", "Follow the guide"), READ),
      ASK (NC_("template", "Talk to someone before you decide"), "demo", "email", 1,
           NC_("template", "Book a call"), CALL),
      ASK (NC_("template", "Know someone with the same problem?"), "newsletter", "email", 0,
           NC_("template", "Share with a friend"), REFERRAL),
    },
  },
};

/* ------------------------------------------------------------------------------------------------
 * The buyer's journey, with retention and advocacy after the decision.
 */

static const TemplateStage buyers_journey_stages[] = {
  {
    NC_("template", "Awareness"),
    NC_("template", "Naming the problem they feel, before any product, shows we understand "
                    "them."),
    NC_("template", "What is this problem I have?"),
    NC_("template", "New visitors"),
    NONE, 0.05, 14,
    {
      GIVE (NC_("template", "Five signs your team has outgrown spreadsheets"), "article", "blog",
            0, NC_("template", "Read the article"), READ),
      GIVE (NC_("template", "The hidden cost of the problem, in numbers"), "social post",
            "social", 1, NC_("template", "Follow us"), FOLLOW),
    },
  },
  {
    NC_("template", "Consideration"),
    NC_("template", "A fair comparison of every way to solve it earns their trust."),
    NC_("template", "What are my options?"),
    NC_("template", "Guides downloaded"),
    SITUATIONAL, 0.3, 21,
    {
      ASK (NC_("template", "Every way to solve it, compared honestly"), "e-book", "website", 1,
           NC_("template", "Get the guide"), EMAIL),
      GIVE (NC_("template", "How three teams solved it"), "webinar", "events", 0,
            NC_("template", "Watch the recording"), READ),
    },
  },
  {
    NC_("template", "Decision"),
    NC_("template", "Proof, a fair offer and no risk make choosing us easy."),
    NC_("template", "Why this one?"),
    NC_("template", "New customers"),
    PERSONAL, 0.4, 14,
    {
      GIVE (NC_("template", "How a team like yours saved a day a week"), "case study", "blog", 1,
            NC_("template", "Read the case study"), READ),
      ASK (NC_("template", "Thirty days to change your mind"), "article", "website", 0,
           NC_("template", "Subscribe"), PAYMENT),
    },
  },
  {
    NC_("template", "Retention"),
    NC_("template", "Getting more out of it every month is their reason to stay."),
    NC_("template", "Am I getting the most out of it?"),
    NC_("template", "Customers who renew"),
    POINTS, 0.2, 180,
    {
      GIVE (NC_("template", "Monthly tips from our support team"), "newsletter", "email", 0,
            NC_("template", "Read the tips"), READ),
      ASK (NC_("template", "Your year with us, in review"), "article", "in-app", 1,
           NC_("template", "Renew for another year"), STORED_CARD),
    },
  },
  {
    NC_("template", "Advocacy"),
    NC_("template", "Recommending a good tool makes them look good to their peers."),
    NC_("template", "Who else should know?"),
    NC_("template", "Referrals"),
    POINTS, NO_RATE, NO_DAYS,
    {
      ASK (NC_("template", "Invite a team: both get a month free"), "newsletter", "email", 0,
           NC_("template", "Invite a team"), REFERRAL),
      GIVE (NC_("template", "Customer stories, written with customers"), "article", "blog", 1,
            NC_("template", "Read and share"), READ),
    },
  },
};

/* ------------------------------------------------------------------------------------------------
 * HubSpot's lifecycle stages, with illustrative B2B rates.
 */

static const TemplateStage hubspot_stages[] = {
  {
    NC_("template", "Subscriber"),
    NC_("template", "A blog worth reading every week is a reason to subscribe."),
    NC_("template", "Is this worth reading?"),
    NC_("template", "Blog subscribers"),
    SITUATIONAL, 0.1, 30,
    {
      GIVE (NC_("template", "This week on the blog"), "newsletter", "email", 0,
            NC_("template", "Read this week’s posts"), READ),
      GIVE (NC_("template", "Ten-minute marketing for busy owners"), "article", "blog", 1,
            NC_("template", "Read the article"), READ),
    },
  },
  {
    NC_("template", "Lead"),
    NC_("template", "A template that saves them an afternoon is worth filling in a form."),
    NC_("template", "Can they help me with my problem?"),
    NC_("template", "Leads a month"),
    BRAND_TRUST, 0.3, 21,
    {
      ASK (NC_("template", "The campaign planning template"), "e-book", "website", 0,
           NC_("template", "Download the template"), EMAIL),
      GIVE (NC_("template", "Which task eats your week?"), "survey", "email", 1,
            NC_("template", "Answer two questions"), READ),
    },
  },
  {
    /* TRANSLATORS: a marketing qualified lead; keep it short, it is a stage's name */
    NC_("template", "MQL"),
    NC_("template", "Marketing qualified: they came back for more, so they may be ready to "
                    "talk."),
    NC_("template", "Does this fit my situation?"),
    NC_("template", "Marketing qualified leads"),
    BRAND_TRUST, 0.4, 14,
    {
      ASK (NC_("template", "Planning a quarter of campaigns"), "webinar", "events", 0,
           NC_("template", "Register"), ACCOUNT),
      GIVE (NC_("template", "How a bakery doubled its regulars"), "case study", "blog", 1,
            NC_("template", "Read the story"), READ),
    },
  },
  {
    /* TRANSLATORS: a sales qualified lead; keep it short, it is a stage's name */
    NC_("template", "SQL"),
    NC_("template", "Sales qualified: a conversation about their goals shows we listen "
                    "before we sell."),
    NC_("template", "Can they solve my problem?"),
    NC_("template", "Sales qualified leads"),
    PERSONAL, 0.6, 14,
    {
      ASK (NC_("template", "Thirty minutes about your goals"), "demo", "email", 0,
           NC_("template", "Book a call"), CALL),
      GIVE (NC_("template", "Questions to ask any vendor"), "article", "blog", 1,
            NC_("template", "Read the questions"), READ),
    },
  },
  {
    NC_("template", "Opportunity"),
    NC_("template", "A proposal built on what they told us makes saying yes easy."),
    NC_("template", "Is it worth the money?"),
    NC_("template", "Deals won"),
    PERSONAL, 0.25, 30,
    {
      ASK (NC_("template", "A proposal written around your goals"), "article", "email", 0,
           NC_("template", "Accept the proposal"), PAYMENT),
      GIVE (NC_("template", "Customer reviews, good and bad"), "review", "website", 1,
            NC_("template", "Read the reviews"), READ),
    },
  },
  {
    NC_("template", "Customer"),
    NC_("template", "Quick results in the first month keep the promise we made."),
    NC_("template", "Was it the right choice?"),
    NC_("template", "Customers after a year"),
    POINTS, 0.2, 365,
    {
      GIVE (NC_("template", "Your first month, week by week"), "newsletter", "email", 1,
            NC_("template", "Start week one"), READ),
      ASK (NC_("template", "A quarterly review of your results"), "event", "events", 0,
           NC_("template", "Book your review"), CALL),
    },
  },
  {
    NC_("template", "Evangelist"),
    NC_("template", "Being heard and thanked turns happy customers into voices for us."),
    NC_("template", "Who else would this help?"),
    NC_("template", "Leads they referred"),
    POINTS, NO_RATE, NO_DAYS,
    {
      ASK (NC_("template", "Refer a business: both get a month free"), "newsletter", "email", 1,
           NC_("template", "Refer a business"), REFERRAL),
      GIVE (NC_("template", "Customer stories, in their own words"), "article", "blog", 0,
            NC_("template", "Read the stories"), READ),
    },
  },
};

/* ------------------------------------------------------------------------------------------------
 * McKinsey's consumer decision journey (Court et al., 2009): the loyalty loop goes back to the
 * moment of purchase, skipping consideration and evaluation; word of mouth starts new journeys.
 */

static const TemplateStage mckinsey_stages[] = {
  {
    NC_("template", "Trigger"),
    NC_("template", "A moment in their life starts the journey: be there with help, not ads."),
    NC_("template", "I need something: where do I start?"),
    NC_("template", "People who start looking"),
    NONE, 0.3, 7,
    {
      GIVE (NC_("template", "What to know before you choose"), "article", "search", 0,
            NC_("template", "Read the guide"), READ),
      GIVE (NC_("template", "New this season, shown by people who use it"), "social post",
            "social", 1, NC_("template", "Follow us"), FOLLOW),
    },
  },
  {
    NC_("template", "Initial consideration"),
    NC_("template", "Being one of the few brands they think of first."),
    NC_("template", "Which brands come to mind?"),
    NC_("template", "Searches for the brand"),
    SITUATIONAL, 0.4, 7,
    {
      GIVE (NC_("template", "Our story, and what we stand for"), "video", "social", 0,
            NC_("template", "Watch the film"), READ),
      ASK (NC_("template", "Answers from people who use it"), "review", "community", 1,
           NC_("template", "Join the discussion"), ACCOUNT),
    },
  },
  {
    NC_("template", "Active evaluation"),
    NC_("template", "Honest comparisons win them while they evaluate: brands are added, not "
                    "only removed."),
    NC_("template", "Which one is best for me?"),
    NC_("template", "Comparisons viewed"),
    BRAND_TRUST, 0.3, 14,
    {
      GIVE (NC_("template", "Side by side: how we compare"), "article", "website", 0,
            NC_("template", "See the comparison"), READ),
      GIVE (NC_("template", "Reviews from verified customers"), "review", "website", 1,
            NC_("template", "Read the reviews"), READ),
      ASK (NC_("template", "Ask an expert"), "demo", "in-app", 0,
           NC_("template", "Chat with an expert"), CALL),
    },
  },
  {
    NC_("template", "Moment of purchase"),
    NC_("template", "A simple, reassuring checkout turns the choice into a purchase."),
    NC_("template", "Is this the right moment?"),
    NC_("template", "Purchases"),
    PERSONAL, 0.9, 1,
    {
      ASK (NC_("template", "Free returns for thirty days"), "article", "website", 0,
           NC_("template", "Complete the purchase"), PAYMENT),
      GIVE (NC_("template", "What happens after you pay"), "article", "website", 1,
            NC_("template", "Read the next steps"), READ),
    },
  },
  {
    NC_("template", "Post-purchase experience"),
    NC_("template", "The experience after the purchase decides the next journey."),
    NC_("template", "Was it worth it?"),
    NC_("template", "Satisfied customers"),
    POINTS, 0.5, 90,
    {
      GIVE (NC_("template", "Getting started: the first week"), "video", "in-app", 0,
            NC_("template", "Watch the guide"), READ),
      GIVE (NC_("template", "How is it going? Tell us"), "survey", "email", 1,
            NC_("template", "Answer the survey"), READ),
    },
  },
  {
    NC_("template", "Loyalty loop"),
    NC_("template", "Loyal customers skip the search and come back, and they tell others."),
    NC_("template", "Why look elsewhere?"),
    NC_("template", "Repeat purchases"),
    POINTS, NO_RATE, NO_DAYS,
    {
      ASK (NC_("template", "Early access for regulars"), "newsletter", "email", 1,
           NC_("template", "Reserve yours"), PAYMENT),
      GIVE (NC_("template", "Care tips to make it last"), "article", "blog", 1,
            NC_("template", "Read the tips"), READ),
      ASK (NC_("template", "Recommend us to a friend"), "newsletter", "email", 0,
           NC_("template", "Send an invitation"), REFERRAL),
    },
  },
};

/* ------------------------------------------------------------------------------------------------
 * A crowdfunding campaign that starts from the why (seed 000: people buy the why).
 */

static const TemplateStage crowdfunding_stages[] = {
  {
    NC_("template", "Believers"),
    NC_("template", "They share the belief behind the project; the product comes second."),
    NC_("template", "Why does this matter?"),
    NC_("template", "People who saw the story"),
    NONE, 0.1, 30,
    {
      GIVE (NC_("template", "Why we started: our story in two minutes"), "video", "social", 1,
            NC_("template", "Watch the story"), READ),
      GIVE (NC_("template", "Things that last: a short manifesto"), "article", "blog", 0,
            NC_("template", "Follow the project"), FOLLOW),
    },
  },
  {
    NC_("template", "Followers"),
    NC_("template", "Following the making from the inside makes the project theirs too."),
    NC_("template", "Will it really happen?"),
    NC_("template", "Sign-ups before the launch"),
    SITUATIONAL, 0.3, 60,
    {
      GIVE (NC_("template", "Behind the scenes: the first prototype"), "video", "social", 0,
            NC_("template", "Watch the prototype"), READ),
      ASK (NC_("template", "Be told on launch day"), "newsletter", "website", 1,
           NC_("template", "Get the launch e-mail"), EMAIL),
    },
  },
  {
    NC_("template", "Early backers"),
    NC_("template", "Being first, and helping the campaign start strong, is their reward."),
    NC_("template", "Can I help it succeed?"),
    NC_("template", "Pledges in the first 48 hours"),
    PERSONAL, 0.5, 2,
    {
      ASK (NC_("template", "Launch day: the first 48 hours count most"), "newsletter", "email", 0,
           NC_("template", "Back the project"), PAYMENT),
      GIVE (NC_("template", "Live questions and answers with the makers"), "event", "events", 1,
            NC_("template", "Join the live session"), FOLLOW),
    },
  },
  {
    NC_("template", "Backers"),
    NC_("template", "Every update shows them that their trust was well placed."),
    NC_("template", "Was I right to back it?"),
    NC_("template", "Backers"),
    POINTS, 0.6, 30,
    {
      GIVE (NC_("template", "The campaign diary, every week"), "newsletter", "email", 1,
            NC_("template", "Read the update"), READ),
      ASK (NC_("template", "Add a spare-parts kit to your pledge"), "article", "website", 0,
           NC_("template", "Add the kit"), PAYMENT),
    },
  },
  {
    NC_("template", "Community"),
    NC_("template", "After the campaign, delivering and repairing together keeps the promise."),
    NC_("template", "What happens now?"),
    NC_("template", "Backers still active after delivery"),
    POINTS, 0.4, 365,
    {
      GIVE (NC_("template", "Repair guides, open to everyone"), "article", "community", 1,
            NC_("template", "Read the guides"), READ),
      ASK (NC_("template", "Vote on what we make next"), "survey", "community", 0,
           NC_("template", "Cast your vote"), ACCOUNT),
    },
  },
  {
    NC_("template", "Ambassadors"),
    NC_("template", "A cause they share with friends becomes theirs, and friends trust them "
                    "more than us."),
    NC_("template", "Who else would care?"),
    NC_("template", "Pledges from shared links"),
    POINTS, NO_RATE, NO_DAYS,
    {
      ASK (NC_("template", "Share kit: the story in your own words"), "article", "website", 0,
           NC_("template", "Share the campaign"), REFERRAL),
      GIVE (NC_("template", "A thank-you wall with every backer’s name"), "social post",
            "social", 1, NC_("template", "Find your name"), READ),
    },
  },
};

/* ------------------------------------------------------------------------------------------------
 * The list, in the order the dialog shows them
 */

const Template _cycle_templates[] = {
  {
    "internal-funnel",
    NC_("template", "Engagement Cycle"),
    NC_("template", "The internal funnel, from visitors to evangelists, closed into a cycle by "
                    "their referrals."),
    NC_("template", "Engagement cycle"),
    NC_("template", "We believe people come back, and bring their friends, when we help them "
                    "before we sell to them."),
    NC_("template", "Useful content at every stage, asking only for what each stage has "
                    "earned."),
    NC_("template", "Replace this with what you offer: a product, a service, a subscription."),
    /* xgettext:no-c-format */
    NC_("template", "The company’s own funnel (visitors, leads, prospects, qualified, "
                    "customers) goes on to members and evangelists, whose referrals bring the "
                    "next visitors. The rates come from a worked example: 1,000 visitors give "
                    "40 leads (4%), 20 prospects, 10 qualified and 6 customers."),
    CYCLE_LAYOUT_CYCLE,
    {
      {
        NC_("template", "Curious newcomer"),
        NC_("template", "Found us through a search or a friend, and knows little about us."),
        NC_("template", "Wants an honest answer to a question they already have."),
      },
      {
        NC_("template", "Busy decision-maker"),
        NC_("template", "Compares options between two meetings; needs proof, not promises."),
        NC_("template", "Wants to choose well without spending days on it."),
      },
    },
    internal_funnel_stages, G_N_ELEMENTS (internal_funnel_stages),
    { { 6, 0, 300 } }, 1,
  },
  {
    "aida",
    NC_("template", "AIDA"),
    NC_("template", "Attention, interest, desire, action: the classic advertising funnel."),
    NC_("template", "AIDA funnel"),
    NC_("template", "We believe attention is earned by being useful, not by shouting louder."),
    NC_("template", "Each step offers something of value before it asks for the next one."),
    NC_("template", "Replace this with what you offer."),
    NC_("template", "AIDA was written down by E. St. Elmo Lewis in 1898 to describe how an "
                    "advertisement leads to a sale. Here the action also brings friends: a "
                    "referral loop leads back to the top. The rates are only examples."),
    CYCLE_LAYOUT_FUNNEL,
    {
      {
        NC_("template", "Passer-by"),
        NC_("template", "Sees our message between two other things and gives it a few "
                        "seconds."),
        NC_("template", "Wants something worth stopping for."),
      },
      {
        NC_("template", "Careful comparer"),
        NC_("template", "Reads reviews and compares three options before choosing."),
        NC_("template", "Wants to be sure not to regret the choice."),
      },
    },
    aida_stages, G_N_ELEMENTS (aida_stages),
    { { 3, 0, 10 } }, 1,
  },
  {
    "buyers-journey",
    NC_("template", "Buyer’s Journey"),
    NC_("template", "Awareness, consideration and decision, then retention and advocacy."),
    NC_("template", "Buyer’s journey"),
    NC_("template", "We believe teams deserve tools that give them their time back."),
    NC_("template", "We help people understand their problem before we show our solution."),
    NC_("template", "Replace this with what you offer: here, software for small teams."),
    NC_("template", "The buyer’s journey is the process as the buyer lives it: becoming aware "
                    "of a problem, considering the ways to solve it, deciding. Retention and "
                    "advocacy carry it on after the purchase, and advocacy brings new buyers. "
                    "The rates are only examples."),
    CYCLE_LAYOUT_CYCLE,
    {
      {
        NC_("template", "Team lead"),
        NC_("template", "Leads a small team and looks for a better way of working."),
        NC_("template", "Wants the team to spend less time on chores."),
      },
      {
        NC_("template", "Budget holder"),
        NC_("template", "Signs off on purchases and weighs the cost against the risk."),
        NC_("template", "Wants a safe choice that pays for itself."),
      },
    },
    buyers_journey_stages, G_N_ELEMENTS (buyers_journey_stages),
    { { 4, 0, 100 } }, 1,
  },
  {
    "hubspot",
    NC_("template", "Lifecycle Stages"),
    NC_("template", "HubSpot’s lifecycle stages, from subscriber to evangelist."),
    NC_("template", "Lifecycle stages"),
    NC_("template", "We believe small businesses can grow without becoming marketing experts."),
    NC_("template", "Practical help first; sales talk only once they ask for it."),
    NC_("template", "Replace this with what you offer: here, a marketing tool for small "
                    "businesses."),
    NC_("template", "The lifecycle stages of HubSpot’s CRM sort contacts from the first "
                    "subscription to the sale: subscriber, lead, marketing qualified lead (MQL), "
                    "sales qualified lead (SQL), opportunity, customer and evangelist. The rates "
                    "are only examples."),
    CYCLE_LAYOUT_FUNNEL,
    {
      {
        NC_("template", "Marketing manager"),
        NC_("template", "Runs marketing alone in a company of fifty people."),
        NC_("template", "Wants campaigns whose results everyone can see."),
      },
      {
        NC_("template", "Small business owner"),
        NC_("template", "Does everything, marketing included, between two customers."),
        NC_("template", "Wants more customers without becoming a marketer."),
      },
    },
    hubspot_stages, G_N_ELEMENTS (hubspot_stages),
    { { 6, 0, 300 } }, 1,
  },
  {
    "mckinsey",
    NC_("template", "Consumer Decision Journey"),
    NC_("template", "McKinsey’s journey from trigger to purchase, with its loyalty loop."),
    NC_("template", "Consumer decision journey"),
    NC_("template", "We believe the best things are the ones you keep for years."),
    NC_("template", "We help people choose well, even when they choose someone else."),
    NC_("template", "Replace this with what you offer: here, durable goods for the home."),
    NC_("template", "McKinsey’s consumer decision journey (Court and others, 2009) replaced "
                    "the funnel with a loop: a trigger, a first set of brands, an active "
                    "evaluation that adds and removes brands, the moment of purchase, and the "
                    "experience after it. Loyal customers loop back to the moment of purchase "
                    "without looking elsewhere. The rates are only examples."),
    CYCLE_LAYOUT_CYCLE,
    {
      {
        NC_("template", "First-time buyer"),
        NC_("template", "Buys this kind of product for the first time; asks friends and reads "
                        "reviews."),
        NC_("template", "Wants to avoid a bad surprise."),
      },
      {
        NC_("template", "Loyal regular"),
        NC_("template", "Has bought from us before and knows what to expect."),
        NC_("template", "Wants it to stay easy, and to be recognised."),
      },
    },
    mckinsey_stages, G_N_ELEMENTS (mckinsey_stages),
    { { 5, 3, 0.6 }, { 5, 0, 5 } }, 2,
  },
  {
    "crowdfunding",
    NC_("template", "Crowdfunding Campaign"),
    NC_("template", "A campaign that starts from why you do it, from believers to "
                    "ambassadors."),
    NC_("template", "Crowdfunding campaign"),
    NC_("template", "We believe the things we own should last a lifetime, and be repaired "
                    "rather than thrown away."),
    NC_("template", "We share the making from the first sketch and let the backers shape the "
                    "product."),
    NC_("template", "A repairable lamp, funded by the people who want it. Replace it with "
                    "your project."),
    NC_("template", "People do not back what you make but why you make it (Simon Sinek’s "
                    "why, how and what). The campaign starts with people who share the belief, "
                    "before the launch, and ends with ambassadors who bring the next "
                    "believers."),
    CYCLE_LAYOUT_CYCLE,
    {
      {
        NC_("template", "Early adopter"),
        NC_("template", "Backs new things first and likes to be part of the making."),
        NC_("template", "Wants to be among the first, and to have a say."),
      },
      {
        NC_("template", "Believer in the cause"),
        NC_("template", "Cares less about the product than about what it stands for."),
        NC_("template", "Wants to help something they believe in to happen."),
      },
    },
    crowdfunding_stages, G_N_ELEMENTS (crowdfunding_stages),
    { { 5, 0, 30 } }, 1,
  },
  {
    CYCLE_TEMPLATE_BLANK,
    NC_("template", "Blank Plan"),
    NC_("template", "An empty plan, to draw your own stages."),
    NULL, NULL, NULL, NULL, NULL,
    CYCLE_LAYOUT_FREE,
    { { NULL, NULL, NULL }, { NULL, NULL, NULL } },
    NULL, 0,
    { { 0, 0, 0 } }, 0,
  },
};

const guint _cycle_n_templates = G_N_ELEMENTS (_cycle_templates);
