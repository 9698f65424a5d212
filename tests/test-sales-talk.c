/* test-sales-talk.c: sales talk judged in the plan's language, with the user's mark winning
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-channel.h"
#include "cycle-checker.h"
#include "cycle-plan-io.h"

/* Titles and calls to action as marketers write them. Each must be judged as its table says,
 * in its own language. Known limits, left out on purpose: sales talk without any sales word
 * ("Switch today, we'll cover your remaining contract") is not caught; the pitch mark is there
 * for that. */

static const char * const en_not_sales[] = {
  "In order to grow, listen first",
  "How to get buy-in from your CFO",
  "Why people buy the why, not the what",
  "The hidden cost of free shipping for small shops",
  "Point of sale systems explained for new café owners",
  "What our sales team learned from 100 customer calls",
  "Ten questions to ask before you choose a coffee grinder",
  "A beginner's guide to pour-over brewing",
  "The story behind our single-origin beans",
  "How we cut our delivery emissions by 40%",
  "Discounted cash flow, explained without jargon",
  "The order of operations in a good espresso routine",
  "Is cold brew really less acidic?",
  "Our farmers, in their own words",
  "Five mistakes that make coffee bitter",
  "Checkout flow: what we changed after user testing",
  "How much caffeine is in a cup? The real numbers",
  "What a buyer's journey map looks like",
  "Water temperature: the 93 °C rule",
  "Meet the roaster: Ana, 20 years at the drum",
  "How to deal with a bad batch",
  "Read the guide",
  "Join the conversation",
  /* Written afterwards, as a check of the lists on titles they were not made from. */
  "How to brew coffee for a crowd",
  "Our roaster's notes on the Ethiopia harvest",
  "The science of crema",
  "Why we stopped using pods",
  "A week of breakfasts under ten minutes",
  "What 'single origin' really means",
  "How to order coffee in Italy like a local",
  "The price of cheap coffee: who pays?",
  "Sale of our old roaster to a local school",
  "Grind settings for every brewer",
  "How to run a quarterly business review",
  "Onboarding checklist for new admins",
  "What we learned migrating 2 million records",
  "The case for boring technology",
  "A field guide to data retention rules",
  "Webinar: security questions your auditor will ask",
  "How our support team triages tickets",
  "Why your dashboard shows different numbers",
  "Backers' update: the prototype is working",
  "Meet the makers behind the campaign",
};

static const char * const en_sales[] = {
  "Save 20% this week",
  "20% off your first bag",
  "Get 15% off with code WELCOME15",
  "Black Friday: up to 50% on every grinder",
  "Start your 14-day free trial",
  "Free for 30 days, cancel anytime",
  "Buy now and get free shipping",
  "Buy one, get one free",
  "Limited-time offer: the barista kit",
  "Last chance: summer sale ends Sunday",
  "Pre-order the new roast",
  "Only $9 a month for fresh beans",
  "Our pricing plans, side by side",
  "Use promo code MORNING at checkout",
  "Special offer for new subscribers",
  "Flash sale: -30 % on espresso machines",
  "Lowest price of the year on our Aeropress bundle",
  "Upgrade to Pro today",
  "Order now, delivered tomorrow",
  "Subscribe and save on every bag",
  "Request a quote for your office",
  "Shop now",
  "$10 off orders over $50",
  /* Written afterwards, as a check of the lists on titles they were not made from. */
  "25% off all grinders this weekend",
  "Try the club free for 2 weeks",
  "Get your first box for just $5",
  "New: the holiday gift bundle, now $39",
  "Summer clearance: everything must go",
  "Claim your welcome discount",
  "Buy 2 bags, get the third free",
  "Hurry, offer ends tonight",
  "Members save 10% on every order",
  "Limited edition roast, order before Friday",
  "Back us on Kickstarter: early-bird price ends Monday",
  "Get 3 months free on annual plans",
  "Pledge $49 and get the first batch",
  "Upgrade now and save 30%",
  "Book a demo and get a free month",
  "Early bird: 40% off for the first 100 backers",
  "Start free, no credit card needed",
  "Renew before June 30 for last year's price",
  "Team plan: $12 per user per month",
};

static const char * const fr_not_sales[] = {
  "Le linge est sale : comment bien laver sa cafetière",
  "Réussir son café à tout prix ? Non, avec patience",
  "Grand Prix de la torréfaction 2025 : les lauréats",
  "Promotion de la santé : le café, ami ou ennemi ?",
  "La remise des prix du concours latte art",
  "Pourquoi nos clients achètent le pourquoi",
  "Cinq questions à poser avant de choisir un moulin",
  "L’histoire de nos producteurs au Honduras",
  "Comment nous avons réduit nos emballages de 40 %",
  "Le prix Nobel d’économie et la théorie des enchères",
  "Remise en forme : le café avant le sport ?",
  "Promo 2025 de l’école de barista : les portraits",
  "Guide du débutant : l’extraction en douceur",
  "Mains sales, tasses propres : l’hygiène au comptoir",
  "Les erreurs qui rendent le café amer",
  "Faut-il acheter un moulin manuel ou électrique ?",
  "Notre promesse : un café juste pour tous",
  "Le commerce équitable, vraiment équitable ?",
  "Dans les coulisses de la torréfaction",
  "Témoignage : trois ans au comptoir",
  "Lire le guide",
  "Rejoindre la communauté",
  /* Written afterwards, as a check of the lists on titles they were not made from. */
  "Comment préparer un café pour dix personnes",
  "Les notes de notre torréfacteur sur la récolte éthiopienne",
  "La science de la crème",
  "Pourquoi nous avons arrêté les dosettes",
  "Le vrai prix d'un café bon marché : qui paie ?",
  "Commander un café en Italie comme un local",
  "Promotion du commerce équitable dans les écoles",
  "Une semaine de petits-déjeuners en dix minutes",
  "Le prix Goncourt des lycéens lit au café",
  "Réglages de mouture pour chaque cafetière",
  "Comment mener une revue d'affaires trimestrielle",
  "La liste de contrôle pour les nouveaux administrateurs",
  "Ce que nous avons appris en migrant 2 millions de fiches",
  "Plaidoyer pour une technologie ennuyeuse",
  "Guide pratique des règles de conservation des données",
  "Webinaire : les questions de sécurité de votre auditeur",
  "Comment notre support trie les tickets",
  "Pourquoi votre tableau de bord affiche d'autres chiffres",
  "Nouvelles aux contributeurs : le prototype fonctionne",
  "À la rencontre des artisans derrière la campagne",
};

static const char * const fr_sales[] = {
  "-20 % sur votre première commande",
  "Offre de lancement : le coffret dégustation",
  "Essai gratuit de 14 jours",
  "14 jours d’essai gratuit, sans engagement",
  "10 € offerts dès 50 € d’achat",
  "Code promo BIENVENUE",
  "Soldes d’hiver : jusqu’à -50 % sur les moulins",
  "Vente flash sur les machines à espresso",
  "Livraison offerte ce week-end",
  "Achetez maintenant, payez en trois fois",
  "Commandez avant midi, livré demain",
  "Précommandez la nouvelle torréfaction",
  "Offre spéciale abonnés",
  "Dernière chance : offre à durée limitée",
  "Seulement 9 € par mois pour un café frais",
  "Nos tarifs, tout simplement",
  "Satisfait ou remboursé pendant 30 jours",
  "Économisez 15 % avec l’abonnement annuel",
  "30 % de réduction sur le coffret",
  "Profitez de l’offre découverte",
  "Demandez un devis pour votre bureau",
  "Bons plans de la semaine",
  /* Written afterwards, as a check of the lists on titles they were not made from. */
  "-25 % sur tous les moulins ce week-end",
  "Essayez le club gratuitement pendant 2 semaines",
  "Votre premier coffret pour seulement 5 €",
  "Nouveau : le coffret cadeau à 39 €",
  "Déstockage d'été : tout doit disparaître",
  "Profitez de votre remise de bienvenue",
  "2 sachets achetés, le 3e offert",
  "Vite, l'offre se termine ce soir",
  "Les membres économisent 10 % sur chaque commande",
  "Torréfaction en édition limitée, commandez avant vendredi",
  "Soutenez-nous sur Ulule : prix early bird jusqu'à lundi",
  "3 mois offerts sur les abonnements annuels",
  "Contribuez 49 € et recevez la première série",
  "Passez à l'offre Pro et économisez 30 %",
  "Réservez une démo et obtenez un mois gratuit",
  "-40 % pour les 100 premiers contributeurs",
  "Commencez gratuitement, sans carte bancaire",
  "Renouvelez avant le 30 juin au tarif de l'an dernier",
  "Offre équipe : 12 € par utilisateur et par mois",
};

/* How many of @titles @language judges as @expected; prints the ones it gets wrong. */
static guint
count_right (const char * const *titles,
             guint               n_titles,
             const char         *language,
             gboolean            expected)
{
  guint right = 0;

  for (guint i = 0; i < n_titles; i++)
    {
      if (cycle_sales_talk_check (titles[i], language) == expected)
        right++;
      else
        g_test_message ("%s: “%s” should %sbe sales talk", language, titles[i],
                        expected ? "" : "not ");
    }
  return right;
}

#define CHECK_TABLE(table, language, expected)                                   \
  G_STMT_START {                                                                 \
    g_assert_cmpuint (G_N_ELEMENTS (table), >=, 20);                             \
    g_assert_cmpuint (count_right (table, G_N_ELEMENTS (table), language,        \
                                   expected), ==, G_N_ELEMENTS (table));         \
  } G_STMT_END

static void
test_english (void)
{
  CHECK_TABLE (en_not_sales, "en", FALSE);
  CHECK_TABLE (en_sales, "en", TRUE);
}

static void
test_french (void)
{
  CHECK_TABLE (fr_not_sales, "fr", FALSE);
  CHECK_TABLE (fr_sales, "fr", TRUE);
  /* A region changes nothing. */
  CHECK_TABLE (fr_sales, "fr-CA", TRUE);
}

/* Without a language (files from before plans had one) the text's own words choose: the same
 * tables give the same answers. */
static void
test_guessed (void)
{
  CHECK_TABLE (en_not_sales, NULL, FALSE);
  CHECK_TABLE (en_sales, NULL, TRUE);
  CHECK_TABLE (fr_not_sales, "", FALSE);
  CHECK_TABLE (fr_sales, "", TRUE);
}

static void
test_languages (void)
{
  /* "sale" is dirty in French; English has no list for a German plan. */
  g_assert_true (cycle_sales_talk_check ("Summer sale", "en"));
  g_assert_false (cycle_sales_talk_check ("Summer sale", "fr"));
  g_assert_false (cycle_sales_talk_check ("Summer sale", "de"));
  g_assert_false (cycle_sales_talk_check ("", "en"));
  g_assert_false (cycle_sales_talk_check (NULL, "fr"));
  g_assert_false (cycle_sales_talk_check ("bad \xff utf-8", "en"));
  /* Typographic spaces and apostrophes, as French typing leaves them. */
  g_assert_true (cycle_sales_talk_check ("\xe2\x88\x92" "20\xe2\x80\xaf%", "fr"));
  g_assert_true (cycle_sales_talk_check ("jusqu\xe2\x80\x99\xc3\xa0 -30 %", "fr"));

  g_assert_true (cycle_sales_talk_has_language ("en"));
  g_assert_true (cycle_sales_talk_has_language ("fr-BE"));
  g_assert_false (cycle_sales_talk_has_language ("de"));

  g_assert_true (cycle_language_is_valid (""));
  g_assert_true (cycle_language_is_valid ("fr"));
  g_assert_true (cycle_language_is_valid ("pt-BR"));
  g_assert_true (cycle_language_is_valid ("zh-Hant-TW"));
  g_assert_false (cycle_language_is_valid ("f"));
  g_assert_false (cycle_language_is_valid ("french!"));
  g_assert_false (cycle_language_is_valid ("fr_FR"));
  g_assert_false (cycle_language_is_valid ("fr-"));
}

static void
test_channels (void)
{
  static const char * const intrusive[] = {
    "pop-up", "Popup", "retargeting ads", "cold call", "Cold e-mail", "cold email",
    "bought list", "spam", "Démarchage téléphonique", "fichier acheté", "appel à froid",
    "publicité de reciblage",
  };
  static const char * const chosen[] = {
    "search", "blog", "newsletter", "opt-in newsletter", "community", "events", "SEO",
    "Référencement", "communauté", "événements", "lettre d’information",
  };
  static const char * const unknown[] = { "", "email", "social", "partners", "in-app", "tv" };

  for (guint i = 0; i < G_N_ELEMENTS (intrusive); i++)
    g_assert_cmpint (cycle_channel_get_nature (intrusive[i]), ==, CYCLE_CHANNEL_INTRUSIVE);
  for (guint i = 0; i < G_N_ELEMENTS (chosen); i++)
    g_assert_cmpint (cycle_channel_get_nature (chosen[i]), ==, CYCLE_CHANNEL_CHOSEN);
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    g_assert_cmpint (cycle_channel_get_nature (unknown[i]), ==, CYCLE_CHANNEL_UNKNOWN);

  /* Every channel Cycle suggests has the nature it is documented with. */
  for (const char * const *c = cycle_content_suggested_channels (); *c != NULL; c++)
    {
      CycleChannelNature nature = cycle_channel_get_nature (*c);

      if (g_strv_contains ((const char * const[]){ "pop-up", "retargeting ads", "cold call",
                                                   "cold email", "bought list", NULL }, *c))
        g_assert_cmpint (nature, ==, CYCLE_CHANNEL_INTRUSIVE);
      else if (g_strv_contains ((const char * const[]){ "blog", "search", "events",
                                                        "community", "newsletter", NULL }, *c))
        g_assert_cmpint (nature, ==, CYCLE_CHANNEL_CHOSEN);
      else
        g_assert_cmpint (nature, ==, CYCLE_CHANNEL_UNKNOWN);
    }
}

/* Checker */

static CyclePlan *
load_check_plan (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "checks", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  CyclePlan *plan;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  plan = cycle_plan_new_from_data (data, length, &error);
  g_assert_no_error (error);
  return plan;
}

static char *
keys_of (CycleChecker *checker)
{
  GListModel *findings = cycle_checker_get_findings (checker);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CycleFinding) finding = g_list_model_get_item (findings, i);

      g_string_append_printf (out, "%s %s\n", cycle_finding_get_key (finding),
                              cycle_severity_to_nick (cycle_finding_get_severity (finding)));
    }
  return g_string_free (out, FALSE);
}

static gboolean
has_key (CycleChecker *checker,
         const char   *key)
{
  g_autofree char *keys = keys_of (checker);
  g_autofree char *line = g_strconcat (key, " ", NULL);

  return strstr (keys, line) != NULL;
}

static void
test_checker_language (void)
{
  g_autoptr(CyclePlan) plan = load_check_plan ("sales-talk.cycle");
  g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
  CycleContent *dirty = cycle_plan_find_content (plan, "c2");
  g_autofree char *keys = NULL;

  g_assert_cmpstr (cycle_plan_get_language (plan), ==, "fr");
  g_assert_true (has_key (checker, "why:sales:c1"));   /* « -20 % sur votre première commande » */
  g_assert_false (has_key (checker, "why:sales:c2"));  /* « Le linge est sale » */
  g_assert_false (has_key (checker, "why:sales:c3"));  /* « Grand Prix » */
  keys = keys_of (checker);
  /* A note, never a warning. */
  g_assert_null (strstr (keys, "why:sales:c1 warning"));

  /* Judged in English, "sale" is sales talk: changing the plan's language checks again. */
  cycle_plan_set_language (plan, "en");
  g_assert_true (has_key (checker, "why:sales:c2"));
  g_assert_true (has_key (checker, "why:sales:c1"));   /* "-20 %" reads the same */
  cycle_plan_undo (plan);
  g_assert_false (has_key (checker, "why:sales:c2"));

  /* The user's mark wins, both ways, and undoes. */
  cycle_content_set_pitch (dirty, CYCLE_PITCH_YES);
  g_assert_true (has_key (checker, "why:sales:c2"));
  cycle_content_set_pitch (cycle_plan_find_content (plan, "c1"), CYCLE_PITCH_NO);
  g_assert_false (has_key (checker, "why:sales:c1"));
  cycle_plan_undo (plan);
  cycle_plan_undo (plan);
  g_assert_true (has_key (checker, "why:sales:c1"));
  g_assert_false (has_key (checker, "why:sales:c2"));
}

static void
test_checker_channels (void)
{
  g_autoptr(CyclePlan) plan = load_check_plan ("channels.cycle");
  g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
  CycleContent *survey = cycle_plan_find_content (plan, "c5");
  guint n_listen = 0;
  g_autofree char *keys = keys_of (checker);

  /* Intrusive channels at the first stages, not later; a warning. */
  g_assert_nonnull (strstr (keys, "intrusive:c1 warning"));
  g_assert_nonnull (strstr (keys, "intrusive:c2 warning"));
  g_assert_false (has_key (checker, "intrusive:c3"));   /* blog */
  g_assert_false (has_key (checker, "intrusive:c4"));   /* retargeting, for customers */
  g_assert_false (has_key (checker, "coverage:listen"));

  /* Without the survey, one note cites "trust your audience". */
  cycle_content_set_format (survey, "article");
  g_free (keys);
  keys = keys_of (checker);
  for (const char *p = keys; (p = strstr (p, "coverage:listen")) != NULL; p++)
    n_listen++;
  g_assert_cmpuint (n_listen, ==, 1);

  /* A channel that listens is enough, and the stage's permission makes a channel early. */
  cycle_content_set_channel (survey, "community");
  g_assert_false (has_key (checker, "coverage:listen"));
  cycle_stage_set_permission (cycle_plan_find_stage (plan, "s4"), CYCLE_PERMISSION_NONE);
  g_assert_true (has_key (checker, "intrusive:c4"));
}

/* Same plan, same findings, whatever the interface speaks. */
static char *
keys_of_plans (void)
{
  static const char * const names[] = {
    "sales-talk.cycle", "channels.cycle", "why.cycle", "permission.cycle",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CyclePlan) plan = load_check_plan (names[i]);
      g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
      g_autofree char *keys = keys_of (checker);

      g_string_append_printf (out, "%s\n%s", names[i], keys);
    }
  return g_string_free (out, FALSE);
}

static void
test_same_in_french (void)
{
  g_autofree char *english = keys_of_plans ();
  g_autofree char *french = NULL;
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (po_dir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                          NULL);
  g_autofree char *english_note = g_strdup (_("Note"));
  gboolean have_catalog = g_file_test (mo, G_FILE_TEST_IS_REGULAR);

  /* As tests/ui/test-french.c: LANGUAGE picks the catalog under C.UTF-8. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  if (have_catalog)
    {
      bindtextdomain (GETTEXT_PACKAGE, po_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    }

  french = keys_of_plans ();
  if (have_catalog)
    g_assert_cmpstr (_("Note"), !=, english_note);   /* the interface does speak French */
  else
    g_test_message ("the French catalog %s is not built: keys compared, not messages", mo);

  g_assert_cmpstr (french, ==, english);

  /* The coverage matrix by channel names Cycle's own channel words in French, and the CSV
   * export too; the channel stored in the plan stays as it was. */
  if (have_catalog)
    {
      g_autoptr(CyclePlan) plan = load_check_plan ("channels.cycle");
      g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
      g_autoptr(CycleCoverage) coverage = cycle_checker_get_coverage (checker,
                                                                     CYCLE_COVERAGE_CHANNEL);
      gboolean found = FALSE;

      for (guint r = 0; r < cycle_coverage_get_n_rows (coverage); r++)
        if (g_strcmp0 (cycle_coverage_get_row_label (coverage, r), "e-mail à froid") == 0)
          {
            found = TRUE;
            g_assert_cmpstr (cycle_coverage_get_row_channel (coverage, r), ==, "cold email");
          }
      g_assert_true (found);
    }

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sales-talk/english", test_english);
  g_test_add_func ("/sales-talk/french", test_french);
  g_test_add_func ("/sales-talk/guessed", test_guessed);
  g_test_add_func ("/sales-talk/languages", test_languages);
  g_test_add_func ("/sales-talk/channels", test_channels);
  g_test_add_func ("/sales-talk/checker-language", test_checker_language);
  g_test_add_func ("/sales-talk/checker-channels", test_checker_channels);
  g_test_add_func ("/sales-talk/same-in-french", test_same_in_french);

  return g_test_run ();
}
