/* bench-file.c: loading and saving a big plan, beside json-glib's bare parse and generate
 *
 * Generates a plan of 500 stages × 200 content items (100 000 items) through the model's API,
 * serializes it with cycle_plan_to_bytes (), and uses those bytes for everything:
 *
 *   load: json_parser_load_from_data ()   vs  cycle_plan_new_from_data ()
 *   save: json_generator_to_data (pretty) vs  cycle_plan_to_bytes ()
 *
 * Each is timed with g_get_monotonic_time () (only the call; freeing the result is not timed),
 * 1 warm-up then 5 runs, median taken. Memory is measured in forked children, so that nothing
 * the benchmark itself allocated pollutes it: the heap in use (mallinfo2 uordblks + hblkhd) that
 * the loaded plan holds, per content item, and the peak resident memory while loading (VmHWM
 * after the load minus VmRSS before it). json-glib's tree is measured the same way.
 *
 * Targets: load and save at most 1.5 × json-glib's time; at most 1 KiB held per item.
 * Exit status 0 when every target is met, 1 otherwise.
 *
 * CYCLE_BENCH_QUICK=1: 50 stages × 200 items, 1 run, no warm-up — a smoke run, where only a
 * failed check (not a missed target: timings that short are noise) makes the exit status 1.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#if __GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33)
#define HAVE_MALLINFO2 1
#endif
#endif

#include <json-glib/json-glib.h>

#include "cycle-plan.h"
#include "cycle-plan-io.h"

#define ITEMS_PER_STAGE 200
#define FULL_STAGES     500
#define QUICK_STAGES    50
#define FULL_RUNS       5
#define MAX_RUNS        16

#define TARGET_TIME_RATIO 1.5
#define TARGET_BYTES_PER_ITEM 1024.0

#define MIB (1024.0 * 1024.0)

/* The plan */

static const char * const adjectives[] = {
  "quick", "complete", "practical", "honest", "hidden", "simple", "five-minute", "weekly",
  "essential", "modern", "seasonal", "local", "definitive", "small-batch", "fresh", "better",
  "budget", "advanced", "beginner’s", "naïve", "real", "annual", "surprising", "calm",
};

static const char * const nouns[] = {
  "guide", "checklist", "story", "recipe", "comparison", "workshop", "interview", "roundup",
  "playbook", "template", "tour", "review", "calculator", "FAQ", "case study", "webinar",
  "newsletter", "café visit", "tasting", "masterclass", "challenge", "report", "map", "kit",
};

static const char * const topics[] = {
  "pour-over coffee", "home espresso", "cold brew", "grinding at home", "water for coffee",
  "roasting in small batches", "the morning routine", "brewing for a crowd", "decaf done right",
  "coffee on a budget", "single origins", "milk and latte art", "storing beans", "café culture",
  "subscription plans", "gift boxes", "office coffee", "the perfect ratio", "Crème brûlée latte",
  "travel brewing", "São Paulo farms", "Ethiopian naturals", "water temperature", "filters",
};

static const char * const ctas[] = {
  "Read the guide", "Subscribe", "Book a demo", "Start a free trial", "Download the e-book",
  "Join the webinar", "Reply to this email", "Share with a friend", "Order now",
  "Leave a review", "Take the quiz", "Reserve a seat",
};

static const char * const owners[] = {
  "Ana", "Bruno", "Chloé", "Dmitri", "Eva", "Farah", "Gustavo", "Hiroshi",
};

static const char * const colors[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44", "#77767b",
};

static const char * const note_sentences[] = {
  "Reuse the photos from the spring shoot.",
  "Check the numbers with finance before it goes out.",
  "Ask Farah for the \"before/after\" quotes.",
  "Needs a shorter intro; people drop off after the first paragraph.",
  "Translate for the Portuguese site (São Paulo team).",
  "Last year's version converted at 3.2 % — beat it.",
  "Keep the tone warm, not salesy.",
  "Link to the brewing calculator at the end.",
  "Legal must approve the giveaway terms.",
  "Draft is in the shared folder\nunder Campaigns/2026.",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static gboolean
chance (GRand *rand,
        int    percent)
{
  return g_rand_int_range (rand, 0, 100) < percent;
}

/* A title of 30 to 60 characters (bytes, close enough) made of words. */
static char *
make_title (GRand *rand)
{
  GString *s = g_string_new (NULL);
  guint target = g_rand_int_range (rand, 30, 61);
  char *first;

  g_string_append_printf (s, "The %s %s to %s", PICK (rand, adjectives), PICK (rand, nouns),
                          PICK (rand, topics));
  while (s->len < 30)
    g_string_append_printf (s, ", %s", PICK (rand, topics));
  if (s->len > 60)
    {
      /* Cut at a word boundary at or before 60 */
      gsize cut = 60;

      while (cut > 30 && s->str[cut] != ' ')
        cut--;
      g_string_truncate (s, cut);
    }
  else if (s->len + 8 <= target)
    {
      g_string_append_printf (s, ", part %d", g_rand_int_range (rand, 1, 10));
    }

  first = s->str;
  first[0] = g_ascii_toupper (first[0]);
  return g_string_free (s, FALSE);
}

static char *
make_slug (const char *title,
           guint       n)
{
  GString *s = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = title; *p != '\0' && s->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && s->len > 0)
            g_string_append_c (s, '-');
          g_string_append_c (s, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        {
          dash = TRUE;
        }
    }
  g_string_append_printf (s, "-%u", n);
  return g_string_free (s, FALSE);
}

static char *
make_notes (GRand *rand)
{
  GString *s = g_string_new (NULL);
  int n = g_rand_int_range (rand, 1, 5);

  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, PICK (rand, note_sentences));
    }
  return g_string_free (s, FALSE);
}

static char *
make_date (GRand *rand)
{
  GDate date;
  char buffer[16];

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2026);
  g_date_add_days (&date, g_rand_int_range (rand, 0, 730));
  g_snprintf (buffer, sizeof buffer, "%04u-%02u-%02u", (guint) g_date_get_year (&date),
              (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
  return g_strdup (buffer);
}

static CycleContent *
make_content (GRand         *rand,
              CyclePersona **personas,
              guint          n_personas,
              guint          serial)
{
  const char * const *formats = cycle_content_suggested_formats ();
  const char * const *channels = cycle_content_suggested_channels ();
  guint n_formats = g_strv_length ((char **) formats);
  guint n_channels = g_strv_length ((char **) channels);
  g_autofree char *title = make_title (rand);
  CycleContent *content = cycle_content_new (title);

  if (chance (rand, 95))
    cycle_content_set_format (content, formats[g_rand_int_range (rand, 0, n_formats)]);
  if (chance (rand, 95))
    cycle_content_set_channel (content, channels[g_rand_int_range (rand, 0, n_channels)]);
  if (chance (rand, 90))
    cycle_content_set_persona (content, personas[g_rand_int_range (rand, 0, n_personas)]);
  if (chance (rand, 85))
    cycle_content_set_cta (content, PICK (rand, ctas));
  cycle_content_set_commitment (content, g_rand_int_range (rand, 0, CYCLE_COMMITMENT_REFERRAL + 1));
  cycle_content_set_direction (content, g_rand_int_range (rand, 0, CYCLE_DIRECTION_ASKS + 1));
  cycle_content_set_status (content, g_rand_int_range (rand, 0, CYCLE_STATUS_PUBLISHED + 1));
  if (chance (rand, 90))
    cycle_content_set_owner (content, PICK (rand, owners));
  if (chance (rand, 80))
    {
      g_autofree char *due = make_date (rand);
      cycle_content_set_due (content, due);
    }
  if (chance (rand, 85))
    {
      g_autofree char *slug = make_slug (title, serial);
      g_autofree char *url = g_strdup_printf ("https://example.org/blog/%s", slug);
      cycle_content_set_url (content, url);
    }
  if (chance (rand, 25))
    {
      g_autofree char *notes = make_notes (rand);
      cycle_content_set_notes (content, notes);
    }

  return content;
}

static CyclePlan *
generate_plan (guint n_stages,
               guint items_per_stage)
{
  static const char * const persona_names[] = {
    "Busy parent", "Student on a budget", "Office manager", "Coffee enthusiast", "Gift buyer",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autoptr(GPtrArray) stages = g_ptr_array_new ();
  CyclePersona *personas[G_N_ELEMENTS (persona_names)];
  CyclePlan *plan = cycle_plan_new ();
  guint serial = 0;

  cycle_plan_set_title (plan, "Coffee club — the whole year");
  cycle_plan_set_why (plan, "We believe good mornings make good days.");
  cycle_plan_set_how (plan, "Roasting in small batches, teaching people to brew.");
  cycle_plan_set_what (plan, "A coffee subscription.");
  cycle_plan_set_description (plan, "Generated by bench-file: every stage of the funnel and of "
                                    "the buyer's journey, with a year of content.");

  for (guint i = 0; i < G_N_ELEMENTS (persona_names); i++)
    {
      g_autoptr(CyclePersona) persona = cycle_persona_new (persona_names[i]);

      cycle_persona_set_description (persona, "Two kids, no time; buys on the phone.");
      cycle_persona_set_why (persona, "Wants ten calm minutes in the morning.");
      cycle_plan_add_persona (plan, persona, -1);
      personas[i] = persona;
    }

  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(CycleStage) stage = NULL;
      g_autofree char *name = g_strdup_printf ("Stage %u: %s %s", i + 1,
                                               PICK (rand, adjectives), PICK (rand, topics));

      stage = cycle_stage_new (name);
      cycle_stage_set_lane (stage, i % 5 == 4 ? CYCLE_LANE_JOURNEY : CYCLE_LANE_INTERNAL);
      cycle_stage_set_why (stage, "A brewing guide answers their question.");
      cycle_stage_set_question (stage, "How do I make better coffee at home?");
      cycle_stage_set_permission (stage, g_rand_int_range (rand, 0,
                                                           CYCLE_PERMISSION_INTRAVENOUS + 1));
      cycle_stage_set_kpi (stage, "Unique visitors");
      cycle_stage_set_conversion_rate (stage, g_rand_int_range (rand, 1, 9000) / 10000.0);
      cycle_stage_set_days (stage, g_rand_int_range (rand, 1, 91));
      cycle_stage_set_owner (stage, PICK (rand, owners));
      cycle_stage_set_color (stage, PICK (rand, colors));
      cycle_stage_set_position (stage, 40 + (i % 25) * 260, 60 + (i / 25) * 180.5);
      cycle_plan_add_stage (plan, stage, -1);
      g_ptr_array_add (stages, stage);

      for (guint j = 0; j < items_per_stage; j++)
        {
          g_autoptr(CycleContent) content =
            make_content (rand, personas, G_N_ELEMENTS (personas), ++serial);

          cycle_plan_add_content (plan, stage, content, -1);
        }
    }

  for (guint i = 0; i + 1 < stages->len; i++)
    {
      g_autoptr(CycleLink) link = cycle_link_new (stages->pdata[i], stages->pdata[i + 1],
                                                  CYCLE_LINK_NEXT);

      cycle_link_set_rate (link, g_rand_int_range (rand, 1, 100) / 100.0);
      cycle_plan_add_link (plan, link);
    }
  if (stages->len > 1)
    {
      g_autoptr(CycleLink) loop = cycle_link_new (stages->pdata[stages->len - 1], stages->pdata[0],
                                                  CYCLE_LINK_LOOP);

      cycle_link_set_rate (loop, 0.05);
      cycle_plan_add_link (plan, loop);
    }

  cycle_plan_clear_undo (plan);
  return plan;
}

/* Timing */

typedef struct
{
  double ms[MAX_RUNS];
  guint  n;
} Times;

static void
times_add (Times  *t,
           gint64  usec)
{
  if (t->n < MAX_RUNS)
    t->ms[t->n++] = usec / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
times_median (const Times *t)
{
  double sorted[MAX_RUNS];

  if (t->n == 0)
    return 0;
  memcpy (sorted, t->ms, t->n * sizeof (double));
  qsort (sorted, t->n, sizeof (double), compare_doubles);
  return t->n % 2 ? sorted[t->n / 2] : (sorted[t->n / 2 - 1] + sorted[t->n / 2]) / 2;
}

static void
print_times (const char  *label,
             const Times *t,
             gsize        size)
{
  double median = times_median (t);

  printf ("  %-34s median %9.1f ms  %7.1f MiB/s   runs:", label, median,
          median > 0 ? size / MIB / (median / 1000.0) : 0.0);
  for (guint i = 0; i < t->n; i++)
    printf (" %.1f", t->ms[i]);
  printf ("\n");
}

static JsonNode *
json_glib_parse (const char *data,
                 gsize       length,
                 gint64     *usec)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
    g_error ("json-glib could not parse the plan: %s", error->message);
  *usec = g_get_monotonic_time () - start;

  return json_node_ref (json_parser_get_root (parser));
}

static CyclePlan *
cycle_load (const char *data,
            gsize       length,
            gint64     *usec)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  CyclePlan *plan = cycle_plan_new_from_data (data, length, &error);

  *usec = g_get_monotonic_time () - start;
  if (plan == NULL)
    g_error ("Cycle could not load the plan it wrote: %s", error->message);
  return plan;
}

static char *
json_glib_generate (JsonNode *root,
                    gsize    *length,
                    gint64   *usec)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gint64 start = g_get_monotonic_time ();
  char *text;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, length);
  *usec = g_get_monotonic_time () - start;
  return text;
}

static GBytes *
cycle_save (CyclePlan *plan,
            gint64    *usec)
{
  gint64 start = g_get_monotonic_time ();
  GBytes *bytes = cycle_plan_to_bytes (plan);

  *usec = g_get_monotonic_time () - start;
  return bytes;
}

/* Children */

static gboolean
write_all (int         fd,
           const void *buffer,
           gsize       length)
{
  const char *p = buffer;

  while (length > 0)
    {
      ssize_t n = write (fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      length -= n;
    }
  return TRUE;
}

static gboolean
read_all (int    fd,
          void  *buffer,
          gsize  length)
{
  char *p = buffer;

  while (length > 0)
    {
      ssize_t n = read (fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      length -= n;
    }
  return TRUE;
}

static pid_t
fork_with_pipe (int *read_fd,
                int *write_fd)
{
  int fds[2];
  pid_t pid;

  fflush (stdout);
  fflush (stderr);
  if (pipe (fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));

  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));

  if (pid == 0)
    {
      close (fds[0]);
      *read_fd = -1;
      *write_fd = fds[1];
    }
  else
    {
      close (fds[1]);
      *read_fd = fds[0];
      *write_fd = -1;
    }
  return pid;
}

static gboolean
wait_child (pid_t pid)
{
  int status = 0;

  while (waitpid (pid, &status, 0) < 0)
    if (errno != EINTR)
      return FALSE;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* The plan is generated in a child: the objects it made and freed would otherwise stay in
 * GSlice's caches (GLib 2.74) and in malloc's free lists, and be reused by the loads measured
 * below, which would then seem to take less memory than they do. */
static GBytes *
generate_bytes (guint n_stages)
{
  guint64 header[2];
  int read_fd, write_fd;
  pid_t pid;
  char *data;

  pid = fork_with_pipe (&read_fd, &write_fd);
  if (pid == 0)
    {
      gint64 start = g_get_monotonic_time ();
      CyclePlan *plan = generate_plan (n_stages, ITEMS_PER_STAGE);
      GBytes *bytes;
      gsize size;
      const char *text;

      header[0] = g_get_monotonic_time () - start;
      bytes = cycle_plan_to_bytes (plan);
      text = g_bytes_get_data (bytes, &size);
      header[1] = size;
      if (!write_all (write_fd, header, sizeof header) || !write_all (write_fd, text, size))
        _exit (2);
      _exit (0);
    }

  if (!read_all (read_fd, header, sizeof header))
    g_error ("the child that generates the plan failed");
  data = g_malloc (header[1]);
  if (!read_all (read_fd, data, header[1]) || !wait_child (pid))
    g_error ("the child that generates the plan failed");
  close (read_fd);

  printf ("  generated through the model API in %.0f ms (in a child process)\n",
          header[0] / 1000.0);
  return g_bytes_new_take (data, header[1]);
}

/* Registers the types and fills the one-time caches that a load uses, so that the children
 * measure the plan, not the first use of the code (a handful of objects are freed here). */
static void
warm_up_types (void)
{
  static const char tiny[] =
    "{\"format\": \"org.example.Cycle\", \"version\": 1, \"personas\": [{\"id\": \"p1\", "
    "\"name\": \"P\"}], \"stages\": [{\"id\": \"s1\", \"name\": \"S\", \"lane\": \"journey\", "
    "\"permission\": \"personal\", \"conversion_rate\": 0.5, \"days\": 3, \"x\": 1, \"y\": 2, "
    "\"content\": [{\"id\": \"c1\", \"title\": \"T\", \"persona\": \"p1\", "
    "\"commitment\": \"email\", \"direction\": \"asks\", \"status\": \"draft\", "
    "\"due\": \"2026-01-01\"}]}], \"links\": [{\"id\": \"l1\", \"from\": \"s1\", \"to\": \"s1\", "
    "\"kind\": \"loop\", \"rate\": 0.1}]}";
  gint64 usec;
  CyclePlan *plan = cycle_load (tiny, strlen (tiny), &usec);
  JsonNode *root = json_glib_parse (tiny, strlen (tiny), &usec);
  gsize length;
  GBytes *bytes = cycle_save (plan, &usec);
  char *text = json_glib_generate (root, &length, &usec);

  g_free (text);
  g_bytes_unref (bytes);
  json_node_unref (root);
  g_object_unref (plan);
}

/* Memory, measured in a forked child */

typedef enum {
  MEASURE_CYCLE,
  MEASURE_JSON_GLIB,
} Subject;

typedef enum {
  MEASURE_HELD,
  MEASURE_PEAK,
} Quantity;

typedef struct
{
  gboolean ok;
  gint64   value;      /* bytes: heap held, or peak RSS growth */
  gint64   rss_before; /* kB */
  gint64   hwm_after;  /* kB */
  gboolean hwm_reset;
} MemResult;

static gint64
heap_in_use (void)
{
#ifdef HAVE_MALLINFO2
  struct mallinfo2 mi = mallinfo2 ();

  return (gint64) (mi.uordblks + mi.hblkhd);
#else
  return -1;
#endif
}

/* A "Vm…:  1234 kB" line of /proc/self/status, in kB, or -1 */
static gint64
proc_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  gsize field_len = strlen (field);

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  for (char *line = status; line != NULL && *line != '\0'; )
    {
      char *next = strchr (line, '\n');

      if (strncmp (line, field, field_len) == 0 && line[field_len] == ':')
        return g_ascii_strtoll (line + field_len + 1, NULL, 10);
      line = next != NULL ? next + 1 : NULL;
    }
  return -1;
}

/* Resets VmHWM to the current RSS (Linux ≥ 4.0); FALSE when that is not possible */
static gboolean
reset_hwm (void)
{
  FILE *f = fopen ("/proc/self/clear_refs", "w");
  gboolean ok;

  if (f == NULL)
    return FALSE;
  ok = fputs ("5", f) >= 0;
  ok = fclose (f) == 0 && ok;
  return ok;
}

static void
child_measure (Subject   subject,
               Quantity  quantity,
               GBytes   *bytes,
               MemResult *result)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  CyclePlan *plan = NULL;
  JsonNode *root = NULL;
  gint64 usec;
  gint64 before = 0;

  /* Give back what the parent freed, so that reusing it shows as growth */
#ifdef __GLIBC__
  malloc_trim (0);
#endif

  if (quantity == MEASURE_HELD)
    {
      before = heap_in_use ();
    }
  else
    {
      result->hwm_reset = reset_hwm ();
      result->rss_before = proc_status_kb ("VmRSS");
    }

  if (subject == MEASURE_CYCLE)
    plan = cycle_load (data, length, &usec);
  else
    root = json_glib_parse (data, length, &usec);

  if (quantity == MEASURE_HELD)
    {
      gint64 after = heap_in_use ();

      result->ok = before >= 0 && after >= 0;
      result->value = after - before;
    }
  else
    {
      result->hwm_after = proc_status_kb ("VmHWM");
      result->ok = result->rss_before >= 0 && result->hwm_after >= 0;
      result->value = (result->hwm_after - result->rss_before) * 1024;
    }

  /* Kept alive until measured */
  g_clear_object (&plan);
  g_clear_pointer (&root, json_node_unref);
}

static MemResult
measure (Subject   subject,
         Quantity  quantity,
         GBytes   *bytes)
{
  MemResult result = { 0 };
  int read_fd, write_fd;
  pid_t pid;
  gboolean ok;

  pid = fork_with_pipe (&read_fd, &write_fd);
  if (pid == 0)
    {
      child_measure (subject, quantity, bytes, &result);
      _exit (write_all (write_fd, &result, sizeof result) ? 0 : 2);
    }

  ok = read_all (read_fd, &result, sizeof result);
  close (read_fd);
  if (!wait_child (pid) || !ok)
    {
      MemResult failed = { 0 };
      return failed;
    }
  return result;
}

/* The report */

static gboolean
check (gboolean    ok,
       gboolean    enforced,
       const char *what)
{
  /* Padded by characters, not bytes: the labels hold "≤" and "×" */
  printf ("  %s%*s %s\n", what, (int) MAX (0, 50 - (glong) g_utf8_strlen (what, -1)), "",
          ok ? "PASS" : enforced ? "FAIL" : "MISS (not enforced in a quick run)");
  return ok || !enforced;
}

int
main (void)
{
  gboolean quick = g_strcmp0 (g_getenv ("CYCLE_BENCH_QUICK"), "1") == 0;
  guint n_stages = quick ? QUICK_STAGES : FULL_STAGES;
  guint n_items = n_stages * ITEMS_PER_STAGE;
  guint n_runs = quick ? 1 : FULL_RUNS;
  guint n_warmup = quick ? 0 : 1;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CyclePlan) loaded = NULL;
  g_autoptr(GBytes) resaved = NULL;
  JsonNode *root = NULL;
  Times jg_parse = { { 0 }, 0 }, cy_load = { { 0 }, 0 };
  Times jg_generate = { { 0 }, 0 }, cy_save = { { 0 }, 0 };
  MemResult cy_held, cy_peak, jg_held, jg_peak;
  gsize size, jg_size = 0;
  const char *data;
  gint64 usec;
  double load_ratio, save_ratio, per_item, jg_per_item;
  gboolean round_trip, counts_ok, memory_ok, all_ok = TRUE;

  setvbuf (stdout, NULL, _IOLBF, 0);
  printf ("bench-file: %u stages × %u items = %u content items%s\n", n_stages, ITEMS_PER_STAGE,
          n_items, quick ? " (CYCLE_BENCH_QUICK=1: a smoke run)" : "");
  printf ("GLib %u.%u.%u, json-glib %s, %u warm-up + %u run%s each, median\n",
          glib_major_version, glib_minor_version, glib_micro_version, JSON_VERSION_S,
          n_warmup, n_runs, n_runs == 1 ? "" : "s");

  /* The plan, and its bytes */
  bytes = generate_bytes (n_stages);
  data = g_bytes_get_data (bytes, &size);
  printf ("  file: %" G_GSIZE_FORMAT " bytes (%.1f MiB), %.0f bytes an item\n\n", size,
          size / MIB, (double) size / n_items);
  warm_up_types ();

  /* Memory first, in children forked from a heap that holds only the bytes */
  cy_held = measure (MEASURE_CYCLE, MEASURE_HELD, bytes);
  cy_peak = measure (MEASURE_CYCLE, MEASURE_PEAK, bytes);
  jg_held = measure (MEASURE_JSON_GLIB, MEASURE_HELD, bytes);
  jg_peak = measure (MEASURE_JSON_GLIB, MEASURE_PEAK, bytes);

  /* Load, alternating so that drift hits both alike */
  for (guint i = 0; i < n_warmup + n_runs; i++)
    {
      JsonNode *tree = json_glib_parse (data, size, &usec);
      CyclePlan *plan;

      if (i >= n_warmup)
        times_add (&jg_parse, usec);
      json_node_unref (tree);

      plan = cycle_load (data, size, &usec);
      if (i >= n_warmup)
        times_add (&cy_load, usec);
      g_object_unref (plan);
    }

  /* Save, from one tree and one plan */
  root = json_glib_parse (data, size, &usec);
  loaded = cycle_load (data, size, &usec);
  for (guint i = 0; i < n_warmup + n_runs; i++)
    {
      char *text = json_glib_generate (root, &jg_size, &usec);
      GBytes *out;

      if (i >= n_warmup)
        times_add (&jg_generate, usec);
      g_free (text);

      out = cycle_save (loaded, &usec);
      if (i >= n_warmup)
        times_add (&cy_save, usec);
      g_clear_pointer (&resaved, g_bytes_unref);
      resaved = out;
    }
  json_node_unref (root);

  /* Checks: what was loaded is what was generated, and saving gives the same bytes */
  counts_ok = g_list_model_get_n_items (cycle_plan_get_all_content (loaded)) == n_items &&
              g_list_model_get_n_items (cycle_plan_get_stages (loaded)) == n_stages;
  round_trip = g_bytes_equal (bytes, resaved);

  printf ("Load (%.1f MiB)\n", size / MIB);
  print_times ("json-glib json_parser_load_from_data", &jg_parse, size);
  print_times ("Cycle cycle_plan_new_from_data", &cy_load, size);
  printf ("Save\n");
  print_times ("json-glib json_generator_to_data", &jg_generate, jg_size);
  printf ("    (pretty, %" G_GSIZE_FORMAT " bytes)\n", jg_size);
  print_times ("Cycle cycle_plan_to_bytes", &cy_save, size);

  load_ratio = times_median (&cy_load) / MAX (times_median (&jg_parse), 1e-3);
  save_ratio = times_median (&cy_save) / MAX (times_median (&jg_generate), 1e-3);

  printf ("Memory (forked children; heap = mallinfo2 uordblks + hblkhd)\n");
  per_item = cy_held.ok ? (double) cy_held.value / n_items : -1;
  jg_per_item = jg_held.ok ? (double) jg_held.value / n_items : -1;
  if (cy_held.ok)
    printf ("  Cycle plan held:      %8.1f MiB  %7.0f bytes/item\n",
            cy_held.value / MIB, per_item);
  else
    printf ("  Cycle plan held:      unavailable\n");
  if (jg_held.ok)
    printf ("  json-glib tree held:  %8.1f MiB  %7.0f bytes/item  (%.1f × the file)\n",
            jg_held.value / MIB, jg_per_item, (double) jg_held.value / size);
  else
    printf ("  json-glib tree held:  unavailable\n");
  if (cy_peak.ok)
    printf ("  Cycle peak load:      %8.1f MiB  (%.2f × the file; VmRSS before %" G_GINT64_FORMAT
            " kB, VmHWM after %" G_GINT64_FORMAT " kB%s)\n",
            cy_peak.value / MIB, (double) cy_peak.value / size, cy_peak.rss_before,
            cy_peak.hwm_after, cy_peak.hwm_reset ? "" : ", VmHWM not reset");
  if (jg_peak.ok)
    printf ("  json-glib peak parse: %8.1f MiB  (%.2f × the file; VmRSS before %" G_GINT64_FORMAT
            " kB, VmHWM after %" G_GINT64_FORMAT " kB%s)\n",
            jg_peak.value / MIB, (double) jg_peak.value / size, jg_peak.rss_before,
            jg_peak.hwm_after, jg_peak.hwm_reset ? "" : ", VmHWM not reset");
  memory_ok = cy_held.ok && per_item <= TARGET_BYTES_PER_ITEM;

  /* Summary */
  printf ("\n==== bench-file summary (%u items, %.1f MiB file%s) ====\n", n_items, size / MIB,
          quick ? ", quick" : "");
  printf ("  load  %8.1f ms vs json-glib %8.1f ms  ratio %.2f (target ≤ %.1f)\n",
          times_median (&cy_load), times_median (&jg_parse), load_ratio, TARGET_TIME_RATIO);
  printf ("  save  %8.1f ms vs json-glib %8.1f ms  ratio %.2f (target ≤ %.1f)\n",
          times_median (&cy_save), times_median (&jg_generate), save_ratio, TARGET_TIME_RATIO);
  printf ("  held  %8.0f bytes/item (json-glib tree %.0f; target ≤ %.0f)\n",
          per_item, jg_per_item, TARGET_BYTES_PER_ITEM);
  printf ("  peak  %8.1f MiB while loading = %.2f × the file (json-glib %.1f MiB = %.2f ×)\n",
          cy_peak.ok ? cy_peak.value / MIB : -1.0,
          cy_peak.ok ? (double) cy_peak.value / size : -1.0,
          jg_peak.ok ? jg_peak.value / MIB : -1.0,
          jg_peak.ok ? (double) jg_peak.value / size : -1.0);
  all_ok &= check (counts_ok, TRUE, "loaded plan has every stage and item");
  all_ok &= check (round_trip, TRUE, "saving the loaded plan gives the same bytes");
  all_ok &= check (load_ratio <= TARGET_TIME_RATIO, !quick, "load ≤ 1.5 × json-glib parse");
  all_ok &= check (save_ratio <= TARGET_TIME_RATIO, !quick, "save ≤ 1.5 × json-glib generate");
  all_ok &= check (memory_ok, !quick, "held ≤ 1 KiB per item");
  printf ("==== %s ====\n", all_ok ? "PASS" : "FAIL");

  return all_ok ? 0 : 1;
}
