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
 *
 * The two-lane templates keep to the rules of the two lanes too: every stage of either lane is
 * mapped to at least one stage of the other; a journey stage has earned the permission of the
 * funnel stage(s) it maps to (the lowest, when there are several) and its content asks at most
 * one rung above that; permission never drops along next links, in either lane; and every
 * stage says its role (the purchase is the first funnel stage whose role is "convert").
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

#define INTERNAL CYCLE_LANE_INTERNAL
#define JOURNEY  CYCLE_LANE_JOURNEY

#define ATTRACT  CYCLE_ROLE_ATTRACT
#define ENGAGE   CYCLE_ROLE_ENGAGE
#define CONVERT  CYCLE_ROLE_CONVERT
#define RETAIN   CYCLE_ROLE_RETAIN
#define ADVOCATE CYCLE_ROLE_ADVOCATE

/* Links between stages, by their index: a next step (at its source's conversion rate), a
 * referral loop (people brought per person), a mapping from a funnel stage to the journey
 * stage it serves. */
#define NEXT(from, to)       { from, to, CYCLE_LINK_NEXT, CYCLE_RATE_UNSET }
#define LOOP(from, to, rate) { from, to, CYCLE_LINK_LOOP, rate }
#define MAP(funnel, journey) { funnel, journey, CYCLE_LINK_MAPPING, CYCLE_RATE_UNSET }

/* ------------------------------------------------------------------------------------------------
 * The engagement cycle (seed 004): the company's funnel closed into a cycle, beside the buyer's
 * own process, each journey stage mapped to the funnel stage(s) that serve it. The rates are
 * those of a worked funnel: 1,000 visitors → 40 leads (4%) → 20 prospects (50%) → 10 qualified
 * (50%) → 6 customers (60%). The journey has no rates: the company measures in its funnel.
 */

enum {
  EC_VISITORS, EC_LEADS, EC_PROSPECTS, EC_QUALIFIED, EC_CUSTOMERS, EC_MEMBERS, EC_EVANGELISTS,
  EC_DISCOVERS, EC_LOOKS, EC_COMPARES, EC_DECIDES, EC_USES, EC_RECOMMENDS,
};

static const TemplateStage internal_funnel_stages[] = {
  [EC_VISITORS] = {
    INTERNAL, ATTRACT,
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
  [EC_LEADS] = {
    INTERNAL, ENGAGE,
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
  [EC_PROSPECTS] = {
    INTERNAL, ENGAGE,
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
  [EC_QUALIFIED] = {
    INTERNAL, ENGAGE,
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
  [EC_CUSTOMERS] = {
    INTERNAL, CONVERT,
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
  [EC_MEMBERS] = {
    INTERNAL, RETAIN,
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
  [EC_EVANGELISTS] = {
    INTERNAL, ADVOCATE,
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
  /* What the buyer does, in the buyer's words, and content that meets them there. */
  [EC_DISCOVERS] = {
    JOURNEY, ATTRACT,
    NC_("template", "Discovers a problem"),
    NC_("template", "Something gets in their way, and they wonder whether it can be fixed."),
    NC_("template", "Why does this keep happening?"),
    NC_("template", "Searches about the problem"),
    NONE, NO_RATE, NO_DAYS,
    {
      GIVE (NC_("template", "Is it just me? Five signs of the problem"), "article", "search", 0,
            NC_("template", "Read the signs"), READ),
      GIVE (NC_("template", "Your questions, answered in public"), "Q&A", "community", 1,
            NC_("template", "Read the answers"), READ),
    },
  },
  [EC_LOOKS] = {
    JOURNEY, ENGAGE,
    NC_("template", "Looks for answers"),
    NC_("template", "They read, ask around and learn what the problem is called."),
    NC_("template", "How do other people deal with this?"),
    NC_("template", "Readers who come back"),
    SITUATIONAL, NO_RATE, NO_DAYS,
    {
      GIVE (NC_("template", "The problem has a name: a glossary in plain words"), "article",
            "blog", 0, NC_("template", "Read the glossary"), READ),
      GIVE (NC_("template", "A monthly podcast with people who solved it"), "podcast", "website",
            1, NC_("template", "Subscribe to the podcast"), FOLLOW),
    },
  },
  [EC_COMPARES] = {
    JOURNEY, ENGAGE,
    NC_("template", "Compares solutions"),
    NC_("template", "They weigh a few ways out, and the people behind each one."),
    NC_("template", "Which of these fits my case?"),
    NC_("template", "Comparisons read"),
    BRAND_TRUST, NO_RATE, NO_DAYS,
    {
      GIVE (NC_("template", "An honest comparison, ours included"), "article", "website", 1,
            NC_("template", "See the comparison"), READ),
      ASK (NC_("template", "A checklist to compare offers side by side"), "e-book", "email", 0,
           NC_("template", "Get the checklist by e-mail"), EMAIL),
    },
  },
  [EC_DECIDES] = {
    JOURNEY, CONVERT,
    NC_("template", "Decides"),
    NC_("template", "Trust and a fair offer let them say yes without fear of regret."),
    NC_("template", "Is this the right choice, now?"),
    NC_("template", "Decisions made"),
    PERSONAL, NO_RATE, NO_DAYS,
    {
      GIVE (NC_("template", "What happens after you say yes"), "article", "website", 0,
            NC_("template", "Read the next steps"), READ),
      GIVE (NC_("template", "Customer reviews, good and bad"), "review", "website", 1,
            NC_("template", "Read the reviews"), READ),
    },
  },
  [EC_USES] = {
    JOURNEY, RETAIN,
    NC_("template", "Uses"),
    NC_("template", "Results in everyday use confirm the choice and make it a habit."),
    NC_("template", "Am I getting what I was promised?"),
    NC_("template", "People who use it every week"),
    POINTS, NO_RATE, NO_DAYS,
    {
      GIVE (NC_("template", "Getting started: the first week"), "video", "in-app", 0,
            NC_("template", "Watch the guide"), READ),
      GIVE (NC_("template", "How is it going? Tell us"), "survey", "email", 1,
            NC_("template", "Answer the survey"), READ),
    },
  },
  [EC_RECOMMENDS] = {
    JOURNEY, ADVOCATE,
    NC_("template", "Recommends"),
    NC_("template", "Glad of the choice, they tell friends and colleagues in their own words."),
    NC_("template", "Who do I know with the same problem?"),
    NC_("template", "Recommendations"),
    POINTS, NO_RATE, NO_DAYS,
    {
      ASK (NC_("template", "Write a review in your own words"), "review", "website", 1,
           NC_("template", "Write a review"), REFERRAL),
      GIVE (NC_("template", "Customer stories, in their own words"), "article", "blog", 0,
            NC_("template", "Read the stories"), READ),
    },
  },
};

static const TemplateLink internal_funnel_links[] = {
  NEXT (EC_VISITORS, EC_LEADS),
  NEXT (EC_LEADS, EC_PROSPECTS),
  NEXT (EC_PROSPECTS, EC_QUALIFIED),
  NEXT (EC_QUALIFIED, EC_CUSTOMERS),
  NEXT (EC_CUSTOMERS, EC_MEMBERS),
  NEXT (EC_MEMBERS, EC_EVANGELISTS),
  LOOP (EC_EVANGELISTS, EC_VISITORS, 300),
  NEXT (EC_DISCOVERS, EC_LOOKS),
  NEXT (EC_LOOKS, EC_COMPARES),
  NEXT (EC_COMPARES, EC_DECIDES),
  NEXT (EC_DECIDES, EC_USES),
  NEXT (EC_USES, EC_RECOMMENDS),
  MAP (EC_VISITORS, EC_DISCOVERS),
  MAP (EC_LEADS, EC_LOOKS),
  MAP (EC_PROSPECTS, EC_COMPARES),
  MAP (EC_QUALIFIED, EC_COMPARES),
  MAP (EC_CUSTOMERS, EC_DECIDES),
  MAP (EC_MEMBERS, EC_USES),
  MAP (EC_EVANGELISTS, EC_RECOMMENDS),
};

/* ------------------------------------------------------------------------------------------------
 * AIDA (E. St. Elmo Lewis, 1898). No stage asks for money here: the last third of the funnel
 * (Action) counts as after the purchase, and its referral loops back to Attention.
 */

static const TemplateStage aida_stages[] = {
  {
    INTERNAL, ATTRACT,
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
    INTERNAL, ENGAGE,
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
    INTERNAL, ENGAGE,
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
    INTERNAL, CONVERT,
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

static const TemplateLink aida_links[] = {
  NEXT (0, 1),
  NEXT (1, 2),
  NEXT (2, 3),
  LOOP (3, 0, 10),
};

/* ------------------------------------------------------------------------------------------------
 * The buyer's journey, as the buyer lives it (awareness, consideration, decision, then retention
 * and advocacy), beside the company's funnel that serves it, mapped stage to stage.
 */

enum {
  BJ_VISITORS, BJ_LEADS, BJ_OPPORTUNITIES, BJ_CUSTOMERS, BJ_ACTIVE, BJ_ADVOCATES,
  BJ_AWARENESS, BJ_CONSIDERATION, BJ_DECISION, BJ_RETENTION, BJ_ADVOCACY,
};

static const TemplateStage buyers_journey_stages[] = {
  [BJ_VISITORS] = {
    INTERNAL, ATTRACT,
    NC_("template", "Visitors"),
    NC_("template", "Useful reading about their work, found where they already look."),
    NC_("template", "Is there a better way to work?"),
    NC_("template", "New visitors"),
    NONE, 0.05, 14,
    {
      GIVE (NC_("template", "The weekly chores a small team can stop doing by hand"), "article",
            "search", 0, NC_("template", "Read the article"), READ),
      GIVE (NC_("template", "One tip for small teams, every week"), "social post", "social", 1,
            NC_("template", "Follow us"), FOLLOW),
    },
  },
  [BJ_LEADS] = {
    INTERNAL, ENGAGE,
    NC_("template", "Leads"),
    NC_("template", "A template that saves them an afternoon is worth an e-mail address."),
    NC_("template", "Can they help me with my problem?"),
    NC_("template", "Guides downloaded"),
    SITUATIONAL, 0.3, 21,
    {
      ASK (NC_("template", "A template to map your team’s week"), "e-book", "website", 0,
           NC_("template", "Download the template"), EMAIL),
      GIVE (NC_("template", "What slows your team down? Two questions"), "survey", "email", 1,
            NC_("template", "Answer two questions"), READ),
    },
  },
  [BJ_OPPORTUNITIES] = {
    INTERNAL, ENGAGE,
    NC_("template", "Opportunities"),
    NC_("template", "Trying it on their own projects shows what it would change."),
    NC_("template", "Would my team really use it?"),
    NC_("template", "Trial accounts"),
    BRAND_TRUST, 0.4, 14,
    {
      ASK (NC_("template", "Try it with your own projects"), "demo", "website", 0,
           NC_("template", "Create a free account"), ACCOUNT),
      GIVE (NC_("template", "Set-up, migration, support: what to expect"), "article", "website",
            1, NC_("template", "Read the answers"), READ),
    },
  },
  [BJ_CUSTOMERS] = {
    INTERNAL, CONVERT,
    NC_("template", "Customers"),
    NC_("template", "A team set up in a day keeps the promise we made."),
    NC_("template", "Was it the right choice?"),
    NC_("template", "New customers"),
    PERSONAL, 0.8, 30,
    {
      GIVE (NC_("template", "Your team set up in a day, step by step"), "newsletter", "email", 0,
            NC_("template", "Follow the steps"), READ),
      ASK (NC_("template", "The quote, ready for your finance team"), "article", "email", 1,
           NC_("template", "Approve the quote"), PAYMENT),
    },
  },
  [BJ_ACTIVE] = {
    INTERNAL, RETAIN,
    NC_("template", "Active customers"),
    NC_("template", "Seeing the time they save every month is their reason to stay."),
    NC_("template", "Am I getting the most out of it?"),
    NC_("template", "Customers who renew"),
    POINTS, 0.2, 365,
    {
      GIVE (NC_("template", "What teams like yours automated this month"), "newsletter", "email",
            0, NC_("template", "Read the tips"), READ),
      GIVE (NC_("template", "How are we doing? One minute"), "survey", "in-app", 1,
            NC_("template", "Answer the survey"), READ),
    },
  },
  [BJ_ADVOCATES] = {
    INTERNAL, ADVOCATE,
    NC_("template", "Advocates"),
    NC_("template", "Being heard and thanked turns happy customers into voices for us."),
    NC_("template", "Who else would this help?"),
    NC_("template", "Referrals"),
    POINTS, NO_RATE, NO_DAYS,
    {
      ASK (NC_("template", "Tell your story in a case study"), "case study", "email", 1,
           NC_("template", "Share your story"), REFERRAL),
      GIVE (NC_("template", "A first look at what we build next"), "webinar", "events", 0,
            NC_("template", "Watch the preview"), READ),
    },
  },
  /* The buyer's own steps. */
  [BJ_AWARENESS] = {
    JOURNEY, ATTRACT,
    NC_("template", "Awareness"),
    NC_("template", "Naming the problem they feel, before any product, shows we understand "
                    "them."),
    NC_("template", "What is this problem I have?"),
    NC_("template", "New visitors"),
    NONE, NO_RATE, 14,
    {
      GIVE (NC_("template", "Five signs your team has outgrown spreadsheets"), "article", "blog",
            0, NC_("template", "Read the article"), READ),
      GIVE (NC_("template", "The hidden cost of the problem, in numbers"), "social post",
            "social", 1, NC_("template", "Follow us"), FOLLOW),
    },
  },
  [BJ_CONSIDERATION] = {
    JOURNEY, ENGAGE,
    NC_("template", "Consideration"),
    NC_("template", "A fair comparison of every way to solve it earns their trust."),
    NC_("template", "What are my options?"),
    NC_("template", "Guides downloaded"),
    SITUATIONAL, NO_RATE, 21,
    {
      ASK (NC_("template", "Every way to solve it, compared honestly"), "e-book", "website", 1,
           NC_("template", "Get the guide"), EMAIL),
      GIVE (NC_("template", "How three teams solved it"), "webinar", "events", 0,
            NC_("template", "Watch the recording"), READ),
    },
  },
  [BJ_DECISION] = {
    JOURNEY, CONVERT,
    NC_("template", "Decision"),
    NC_("template", "Proof, a fair offer and no risk make choosing us easy."),
    NC_("template", "Why this one?"),
    NC_("template", "New customers"),
    PERSONAL, NO_RATE, 14,
    {
      GIVE (NC_("template", "How a team like yours saved a day a week"), "case study", "blog", 1,
            NC_("template", "Read the case study"), READ),
      ASK (NC_("template", "Thirty days to change your mind"), "article", "website", 0,
           NC_("template", "Subscribe"), PAYMENT),
    },
  },
  [BJ_RETENTION] = {
    JOURNEY, RETAIN,
    NC_("template", "Retention"),
    NC_("template", "Getting more out of it every month is their reason to stay."),
    NC_("template", "Am I getting the most out of it?"),
    NC_("template", "Customers who renew"),
    POINTS, NO_RATE, 180,
    {
      GIVE (NC_("template", "Monthly tips from our support team"), "newsletter", "email", 0,
            NC_("template", "Read the tips"), READ),
      ASK (NC_("template", "Your year with us, in review"), "article", "in-app", 1,
           NC_("template", "Renew for another year"), STORED_CARD),
    },
  },
  [BJ_ADVOCACY] = {
    JOURNEY, ADVOCATE,
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

static const TemplateLink buyers_journey_links[] = {
  NEXT (BJ_VISITORS, BJ_LEADS),
  NEXT (BJ_LEADS, BJ_OPPORTUNITIES),
  NEXT (BJ_OPPORTUNITIES, BJ_CUSTOMERS),
  NEXT (BJ_CUSTOMERS, BJ_ACTIVE),
  NEXT (BJ_ACTIVE, BJ_ADVOCATES),
  LOOP (BJ_ADVOCATES, BJ_VISITORS, 100),
  NEXT (BJ_AWARENESS, BJ_CONSIDERATION),
  NEXT (BJ_CONSIDERATION, BJ_DECISION),
  NEXT (BJ_DECISION, BJ_RETENTION),
  NEXT (BJ_RETENTION, BJ_ADVOCACY),
  MAP (BJ_VISITORS, BJ_AWARENESS),
  MAP (BJ_LEADS, BJ_CONSIDERATION),
  MAP (BJ_OPPORTUNITIES, BJ_CONSIDERATION),
  MAP (BJ_CUSTOMERS, BJ_DECISION),
  MAP (BJ_ACTIVE, BJ_RETENTION),
  MAP (BJ_ADVOCATES, BJ_ADVOCACY),
};

/* ------------------------------------------------------------------------------------------------
 * HubSpot's lifecycle stages, with illustrative B2B rates.
 */

static const TemplateStage hubspot_stages[] = {
  {
    INTERNAL, ATTRACT,
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
    INTERNAL, ENGAGE,
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
    INTERNAL, ENGAGE,
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
    INTERNAL, ENGAGE,
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
    INTERNAL, ENGAGE,
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
    INTERNAL, CONVERT,
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
    INTERNAL, ADVOCATE,
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

static const TemplateLink hubspot_links[] = {
  NEXT (0, 1),
  NEXT (1, 2),
  NEXT (2, 3),
  NEXT (3, 4),
  NEXT (4, 5),
  NEXT (5, 6),
  LOOP (6, 0, 300),
};

/* ------------------------------------------------------------------------------------------------
 * McKinsey's consumer decision journey (Court et al., 2009) is not a funnel: a trigger sends
 * people to a first set of brands, active evaluation adds and removes brands, and after the
 * purchase the loyalty loop goes straight back to the moment of purchase, skipping
 * consideration and evaluation; a new trigger starts a new journey. The company's stages that
 * serve it sit in the funnel lane, mapped.
 */

enum {
  MK_AUDIENCE, MK_SHOPPERS, MK_BUYERS, MK_OWNERS, MK_LOYAL,
  MK_CONSIDERATION, MK_EVALUATION, MK_PURCHASE, MK_EXPERIENCE,
};

static const TemplateStage mckinsey_stages[] = {
  [MK_AUDIENCE] = {
    INTERNAL, ATTRACT,
    NC_("template", "Audience"),
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
  [MK_SHOPPERS] = {
    INTERNAL, ENGAGE,
    NC_("template", "Shoppers"),
    NC_("template", "Help to compare, even with other brands, keeps us on their list."),
    NC_("template", "Which one is best for me?"),
    NC_("template", "Comparisons saved"),
    BRAND_TRUST, 0.3, 14,
    {
      GIVE (NC_("template", "Questions to ask before you choose"), "article", "blog", 1,
            NC_("template", "Read the questions"), READ),
      ASK (NC_("template", "Your comparison, kept for later"), "e-book", "website", 0,
           NC_("template", "Send it to me by e-mail"), EMAIL),
    },
  },
  [MK_BUYERS] = {
    INTERNAL, CONVERT,
    NC_("template", "Buyers"),
    NC_("template", "A simple, reassuring checkout turns the choice into a purchase."),
    NC_("template", "Is this the right moment?"),
    NC_("template", "Purchases"),
    PERSONAL, 0.9, 1,
    {
      GIVE (NC_("template", "Delivery and set-up, when it suits you"), "article", "website", 1,
            NC_("template", "Choose a delivery day"), READ),
      ASK (NC_("template", "Not sure it fits? We check the measurements with you"), "demo",
           "email", 0, NC_("template", "Book a call"), CALL),
    },
  },
  [MK_OWNERS] = {
    INTERNAL, RETAIN,
    NC_("template", "Owners"),
    NC_("template", "The experience after the purchase decides the next journey."),
    NC_("template", "Was it worth it?"),
    NC_("template", "Satisfied customers"),
    POINTS, 0.5, 90,
    {
      GIVE (NC_("template", "The owner’s guide, in short videos"), "video", "in-app", 0,
            NC_("template", "Open the guide"), READ),
      ASK (NC_("template", "Register it for five years of free repairs"), "article", "website", 1,
           NC_("template", "Register your product"), ACCOUNT),
    },
  },
  [MK_LOYAL] = {
    INTERNAL, ADVOCATE,
    NC_("template", "Loyal customers"),
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
  /* The journey itself, with its two ways back (see the links). */
  [MK_CONSIDERATION] = {
    JOURNEY, ATTRACT,
    NC_("template", "Initial consideration"),
    NC_("template", "Being one of the few brands they think of first."),
    NC_("template", "Which brands come to mind?"),
    NC_("template", "Searches for the brand"),
    NONE, NO_RATE, 7,
    {
      GIVE (NC_("template", "Our story, and what we stand for"), "video", "social", 0,
            NC_("template", "Watch the film"), READ),
      GIVE (NC_("template", "Answers from people who use it"), "review", "community", 1,
            NC_("template", "Read the answers"), READ),
    },
  },
  [MK_EVALUATION] = {
    JOURNEY, ENGAGE,
    NC_("template", "Active evaluation"),
    NC_("template", "Honest comparisons win them while they evaluate: brands are added, not "
                    "only removed."),
    NC_("template", "Which one is best for me?"),
    NC_("template", "Comparisons viewed"),
    BRAND_TRUST, NO_RATE, 14,
    {
      GIVE (NC_("template", "Side by side: how we compare"), "article", "website", 0,
            NC_("template", "See the comparison"), READ),
      GIVE (NC_("template", "Reviews from verified customers"), "review", "website", 1,
            NC_("template", "Read the reviews"), READ),
      ASK (NC_("template", "Ask an expert"), "demo", "in-app", 0,
           NC_("template", "Chat with an expert"), CALL),
    },
  },
  [MK_PURCHASE] = {
    JOURNEY, CONVERT,
    NC_("template", "Moment of purchase"),
    NC_("template", "A simple, reassuring checkout turns the choice into a purchase."),
    NC_("template", "Is this the right moment?"),
    NC_("template", "Purchases"),
    PERSONAL, NO_RATE, 1,
    {
      ASK (NC_("template", "Free returns for thirty days"), "article", "website", 0,
           NC_("template", "Complete the purchase"), PAYMENT),
      GIVE (NC_("template", "What happens after you pay"), "article", "website", 1,
            NC_("template", "Read the next steps"), READ),
    },
  },
  [MK_EXPERIENCE] = {
    JOURNEY, RETAIN,
    NC_("template", "Post-purchase experience"),
    NC_("template", "Living with it, they judge it, and their verdict starts the next journey."),
    NC_("template", "Was it worth it?"),
    NC_("template", "Satisfied customers"),
    POINTS, NO_RATE, 90,
    {
      GIVE (NC_("template", "Getting started: the first week"), "video", "in-app", 0,
            NC_("template", "Watch the guide"), READ),
      GIVE (NC_("template", "How is it going? Tell us"), "survey", "email", 1,
            NC_("template", "Answer the survey"), READ),
    },
  },
};

static const TemplateLink mckinsey_links[] = {
  NEXT (MK_AUDIENCE, MK_SHOPPERS),
  NEXT (MK_SHOPPERS, MK_BUYERS),
  NEXT (MK_BUYERS, MK_OWNERS),
  NEXT (MK_OWNERS, MK_LOYAL),
  /* Owners happy with their purchase buy again (the loyalty loop, in the funnel); loyal
   * customers each tell a few others. */
  LOOP (MK_OWNERS, MK_BUYERS, 0.6),
  LOOP (MK_LOYAL, MK_AUDIENCE, 5),
  NEXT (MK_CONSIDERATION, MK_EVALUATION),
  NEXT (MK_EVALUATION, MK_PURCHASE),
  NEXT (MK_PURCHASE, MK_EXPERIENCE),
  /* The loyalty loop, straight back to the purchase; and a new trigger, back to the start. */
  LOOP (MK_EXPERIENCE, MK_PURCHASE, 0.6),
  LOOP (MK_EXPERIENCE, MK_CONSIDERATION, 0.3),
  MAP (MK_AUDIENCE, MK_CONSIDERATION),
  MAP (MK_SHOPPERS, MK_EVALUATION),
  MAP (MK_BUYERS, MK_PURCHASE),
  MAP (MK_OWNERS, MK_EXPERIENCE),
  MAP (MK_LOYAL, MK_EXPERIENCE),
};

/* ------------------------------------------------------------------------------------------------
 * A crowdfunding campaign that starts from the why (seed 000: people buy the why).
 */

static const TemplateStage crowdfunding_stages[] = {
  {
    INTERNAL, ATTRACT,
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
    INTERNAL, ENGAGE,
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
    INTERNAL, CONVERT,
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
    INTERNAL, CONVERT,
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
    INTERNAL, RETAIN,
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
    INTERNAL, ADVOCATE,
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

static const TemplateLink crowdfunding_links[] = {
  NEXT (0, 1),
  NEXT (1, 2),
  NEXT (2, 3),
  NEXT (3, 4),
  NEXT (4, 5),
  LOOP (5, 0, 30),
};

/* ------------------------------------------------------------------------------------------------
 * An e-commerce subscription sold straight to the people who use it: a monthly box of teas.
 * The trial asks for an account, not a card; the payment comes once the trial has earned it.
 * Ambassadors bring new visitors by word of mouth, and friends straight to the trial.
 */

static const TemplateStage subscription_stages[] = {
  {
    INTERNAL, ATTRACT,
    NC_("template", "Visitors"),
    NC_("template", "A guide that helps them brew a better cup today, with nothing to sign up "
                    "for."),
    NC_("template", "Why does my tea taste bitter?"),
    NC_("template", "Unique visitors a month"),
    NONE, 0.05, 7,
    {
      GIVE (NC_("template", "Bitter tea? Three ways to fix it"), "article", "search", 0,
            NC_("template", "Read the guide"), READ),
      GIVE (NC_("template", "One tea, one minute: the video series"), "video", "social", 1,
            NC_("template", "Follow us"), FOLLOW),
    },
  },
  {
    INTERNAL, ENGAGE,
    NC_("template", "Newsletter subscribers"),
    NC_("template", "A letter that teaches something every week is worth an e-mail address."),
    NC_("template", "Will I learn something?"),
    NC_("template", "Newsletter subscribers"),
    SITUATIONAL, 0.3, 30,
    {
      ASK (NC_("template", "The Sunday letter: one tea, one grower, one story"), "newsletter",
           "website", 0, NC_("template", "Get the Sunday letter"), EMAIL),
      GIVE (NC_("template", "Which tea for which moment? The quiz"), "survey", "website", 1,
            NC_("template", "Take the quiz"), READ),
    },
  },
  {
    INTERNAL, ENGAGE,
    NC_("template", "Trial"),
    NC_("template", "Tasting at home, at their own pace, settles what a letter cannot."),
    NC_("template", "Will I like it as much as I think?"),
    NC_("template", "Trials started"),
    BRAND_TRUST, 0.4, 14,
    {
      ASK (NC_("template", "Free 14-day trial: the discovery box"), "article", "website", 1,
           NC_("template", "Start the trial, no card needed"), ACCOUNT),
      GIVE (NC_("template", "Your discovery box, tea by tea"), "article", "in-app", 0,
            NC_("template", "Read the tasting notes"), READ),
    },
  },
  {
    INTERNAL, CONVERT,
    NC_("template", "Paying subscribers"),
    NC_("template", "A box that keeps its promise every month, and a plan they can pause at "
                    "any time."),
    NC_("template", "Is it worth paying for every month?"),
    NC_("template", "Paying subscribers"),
    PERSONAL, 0.6, 30,
    {
      ASK (NC_("template", "Keep your box coming: pause or stop in two clicks"), "article",
           "email", 0, NC_("template", "Choose your plan"), PAYMENT),
      GIVE (NC_("template", "What is in this month’s box, and why"), "newsletter", "email", 1,
            NC_("template", "Read the story"), READ),
    },
  },
  {
    INTERNAL, RETAIN,
    NC_("template", "Loyal members"),
    NC_("template", "Being known by name, and having first pick of rare teas, makes them stay."),
    NC_("template", "Do they still surprise me?"),
    NC_("template", "Subscribers after six months"),
    POINTS, 0.2, 365,
    {
      GIVE (NC_("template", "First pick: this season’s rare harvests"), "newsletter", "email", 1,
            NC_("template", "See the harvests"), READ),
      ASK (NC_("template", "What should go in next month’s box?"), "survey", "community", 0,
           NC_("template", "Vote for next month’s tea"), ACCOUNT),
    },
  },
  {
    INTERNAL, ADVOCATE,
    NC_("template", "Ambassadors"),
    NC_("template", "Sharing a tea they love is a gift, to the friend and to themselves."),
    NC_("template", "Who would love this too?"),
    NC_("template", "Friends invited"),
    POINTS, NO_RATE, NO_DAYS,
    {
      ASK (NC_("template", "Give a box to a friend, get a month for yourself"), "newsletter",
           "email", 0, NC_("template", "Invite a friend"), REFERRAL),
      GIVE (NC_("template", "Their favourite cup: stories from our members"), "article", "blog",
            1, NC_("template", "Read and share"), READ),
    },
  },
};

static const TemplateLink subscription_links[] = {
  NEXT (0, 1),
  NEXT (1, 2),
  NEXT (2, 3),
  NEXT (3, 4),
  NEXT (4, 5),
  /* Each ambassador's shares bring three new visitors, and the boxes they give bring two
   * friends straight to the trial. */
  LOOP (5, 0, 3),
  LOOP (5, 2, 2),
};

/* ------------------------------------------------------------------------------------------------
 * The list, in the order the dialog shows them
 */

const Template _cycle_templates[] = {
  {
    "internal-funnel",
    NC_("template", "Engagement Cycle"),
    NC_("template", "Your funnel, mapped onto the buyer’s journey and closed into a cycle by "
                    "referrals."),
    NC_("template", "Engagement cycle"),
    NC_("template", "We believe people come back, and bring their friends, when we help them "
                    "before we sell to them."),
    NC_("template", "Useful content at every stage, asking only for what each stage has "
                    "earned."),
    NC_("template", "Replace this with what you offer: a product, a service, a subscription."),
    /* xgettext:no-c-format */
    NC_("template", "Two lanes. Above, the company’s own funnel (visitors, leads, prospects, "
                    "qualified, customers) goes on to members and evangelists, whose referrals "
                    "bring the next visitors. Below, what the buyer does, from discovering a "
                    "problem to recommending the solution; dashed links map each step to the "
                    "funnel stages that serve it. The rates come from a worked example: 1,000 "
                    "visitors give 40 leads (4%), 20 prospects, 10 qualified and 6 customers."),
    CYCLE_LAYOUT_TWO_LANES,
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
    internal_funnel_links, G_N_ELEMENTS (internal_funnel_links),
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
    aida_links, G_N_ELEMENTS (aida_links),
  },
  {
    "buyers-journey",
    NC_("template", "Buyer’s Journey"),
    NC_("template", "Awareness, consideration, decision, retention and advocacy, mapped onto "
                    "your funnel."),
    NC_("template", "Buyer’s journey"),
    NC_("template", "We believe teams deserve tools that give them their time back."),
    NC_("template", "We help people understand their problem before we show our solution."),
    NC_("template", "Replace this with what you offer: here, software for small teams."),
    NC_("template", "The buyer’s journey is the process as the buyer lives it: becoming aware "
                    "of a problem, considering the ways to solve it, deciding. Retention and "
                    "advocacy carry it on after the purchase. It runs below, in the buyer’s "
                    "lane; above, the company’s funnel that serves it, from visitors to "
                    "advocates, whose referrals bring new visitors. The rates are only "
                    "examples."),
    CYCLE_LAYOUT_TWO_LANES,
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
    buyers_journey_links, G_N_ELEMENTS (buyers_journey_links),
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
    hubspot_links, G_N_ELEMENTS (hubspot_links),
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
                    "the funnel with a loop. In the buyer’s lane: a first set of brands, an "
                    "active evaluation that adds and removes brands, the moment of purchase and "
                    "the experience after it. From there the loyalty loop goes straight back to "
                    "the moment of purchase, without looking elsewhere, and a new trigger "
                    "starts the journey again. Above, the company’s stages that serve each "
                    "step. The rates are only examples."),
    CYCLE_LAYOUT_TWO_LANES,
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
    mckinsey_links, G_N_ELEMENTS (mckinsey_links),
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
    crowdfunding_links, G_N_ELEMENTS (crowdfunding_links),
  },
  {
    "subscription",
    NC_("template", "E-commerce Subscription"),
    NC_("template", "Sold online: a free newsletter, a trial, then members who bring their "
                    "friends."),
    NC_("template", "E-commerce subscription"),
    NC_("template", "We believe a good cup of tea is a small daily ritual worth taking care of."),
    NC_("template", "Teas from small growers, chosen by season, with a guide to brew each one "
                    "well."),
    NC_("template", "A monthly box of loose-leaf teas. Replace it with your own subscription."),
    NC_("template", "A subscription sold straight to the people who use it: visitors read a "
                    "guide, subscribe to a free newsletter, try a discovery box for 14 days, "
                    "then pay every month, stay as members and invite their friends. Ambassadors "
                    "bring new visitors by word of mouth, and friends straight to the trial with "
                    "the boxes they give. The rates are only examples."),
    CYCLE_LAYOUT_CYCLE,
    {
      {
        NC_("template", "Curious taster"),
        NC_("template", "Likes to try new things and often buys presents online."),
        NC_("template", "Wants discoveries without the risk of a bad buy."),
      },
      {
        NC_("template", "Daily tea drinker"),
        NC_("template", "Drinks three cups a day and knows what they like."),
        NC_("template", "Wants good tea that never runs out, without thinking about it."),
      },
    },
    subscription_stages, G_N_ELEMENTS (subscription_stages),
    subscription_links, G_N_ELEMENTS (subscription_links),
  },
  {
    CYCLE_TEMPLATE_BLANK,
    NC_("template", "Blank Plan"),
    NC_("template", "An empty plan, to draw your own stages."),
    NULL, NULL, NULL, NULL, NULL,
    CYCLE_LAYOUT_FREE,
    { { NULL, NULL, NULL }, { NULL, NULL, NULL } },
    NULL, 0,
    NULL, 0,
  },
};

const guint _cycle_n_templates = G_N_ELEMENTS (_cycle_templates);
