/* bench-load.c: load time and peak memory for 100,000 synthetic events
 *
 * Prints `bench load_100000_ms VALUE ms` (median of 5 loads) and `bench peak_rss_100000_mb VALUE MB`
 * (the peak resident memory of a fresh process that does nothing but load the file).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mba-dataset.h"
#include "mba-synthetic.h"

#define N_EVENTS 100000
#define N_RUNS 5

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
load_once_ms (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = NULL;
  gint64 start = g_get_monotonic_time ();

  dataset = mba_dataset_new_from_file (path, &error);
  if (dataset == NULL)
    g_error ("%s", error->message);
  g_assert (mba_dataset_get_n_events (dataset) == N_EVENTS);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  double times[N_RUNS];
  struct rusage usage;
  int status;
  pid_t pid;

  if (argc == 3 && g_str_equal (argv[1], "--load-only"))
    {
      load_once_ms (argv[2]);
      return 0;
    }

  dir = g_dir_make_tmp ("mba-bench-XXXXXX", NULL);
  path = g_build_filename (dir, "synthetic-100000.json", NULL);
  {
    g_autoptr(GBytes) bytes = mba_synthetic_dataset_generate (N_EVENTS, 1);
    gsize size;
    const char *data = g_bytes_get_data (bytes, &size);

    if (!g_file_set_contents (path, data, size, NULL))
      g_error ("cannot write %s", path);
    printf ("# %d events, %.1f MiB of JSON\n", N_EVENTS, size / 1048576.0);
  }

  for (int i = 0; i < N_RUNS; i++)
    times[i] = load_once_ms (path);
  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  printf ("bench load_100000_ms %.1f ms\n", times[N_RUNS / 2]);

  /* A fresh process, so the figure is the load's own peak and nothing else's. */
  pid = fork ();
  if (pid == 0)
    {
      execl ("/proc/self/exe", argv[0], "--load-only", path, (char *) NULL);
      _exit (127);
    }
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("the measuring process failed");
  printf ("bench peak_rss_100000_mb %.1f MB\n", usage.ru_maxrss / 1024.0);

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
