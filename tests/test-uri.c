/* test-uri.c: the one rule for links from data, and the host shown beside them */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <locale.h>

#include "mba-uri.h"

static void
assert_opens (const char *uri)
{
  g_autofree char *reason = NULL;

  if (!mba_uri_check (uri, &reason))
    g_error ("“%s” refused: %s", uri, reason);
  g_assert_null (reason);
}

static void
assert_refused (const char *uri,
                const char *expected)
{
  g_autofree char *reason = NULL;

  g_assert_false (mba_uri_check (uri, &reason));
  g_assert_cmpstr (reason, ==, expected);
  /* Without a place for the reason too. */
  g_assert_false (mba_uri_check (uri, NULL));
}

static void
test_opens (void)
{
  assert_opens ("https://www.icbl.org/en-gb/the-treaty.aspx");
  assert_opens ("http://example.org/a?b=c#d");
  assert_opens ("HTTPS://Example.ORG/");
  assert_opens ("https://example.org");
  assert_opens ("https://example.org:8443/x");
  assert_opens ("https://example.org./");
  assert_opens ("http://192.0.2.1/");
  assert_opens ("http://[2001:db8::1]/");
  assert_opens ("https://my_host.example.org/");
  /* Paths as browsers take them: percent-encoded or not, and in any language. */
  assert_opens ("https://translation1.mil-osi.com/2025/12/28/%d0%bb%d0%b0/");
  assert_opens ("https://uk.wikipedia.org/wiki/Оттавська_конвенція");
  /* Internationalised hosts of one writing system, written either way. */
  assert_opens ("https://пример.рф/");
  assert_opens ("https://xn--e1afmkfd.xn--p1ai/");
  assert_opens ("https://ουτοπία.δπθ.gr/");
  assert_opens ("https://日本語.jp/");
  assert_opens ("https://テスト.example/");
  assert_opens ("https://한국.kr/");
  /* Each label is judged alone: a Greek name under a Latin top-level domain is no look-alike. */
  assert_opens ("https://ελλάδα.рф/");
  /* Cyrillic letters that look Latin are fine under a Cyrillic top-level domain. */
  assert_opens ("https://\xd0\xb0\xd1\x80\xd1\x80\xd3\x8f\xd0\xb5.\xd1\x80\xd1\x84/");
}

static void
test_refused (void)
{
  assert_refused ("javascript:alert(1)", "“javascript:alert(1)” is not an http:// or https:// link");
  assert_refused ("file:///etc/passwd", "“file:///etc/passwd” is not an http:// or https:// link");
  assert_refused ("ftp://example.org/", "“ftp://example.org/” is not an http:// or https:// link");
  assert_refused ("example.org", "“example.org” is not an http:// or https:// link");
  assert_refused ("//example.org/", "“//example.org/” is not an http:// or https:// link");
  assert_refused ("", "“” is not an http:// or https:// link");

  /* Issue 15, item 12: a user name makes the link seem to lead to good.example. */
  assert_refused ("http://good.example@evil.example/",
                  "“http://good.example@evil.example/” contains a user name before the host, "
                  "which can disguise where it leads");
  assert_refused ("https://user:password@example.org/",
                  "“https://user:password@example.org/” contains a user name before the host, "
                  "which can disguise where it leads");
  assert_refused ("https://@example.org/",
                  "“https://@example.org/” contains a user name before the host, "
                  "which can disguise where it leads");

  /* Links that can never be opened. */
  assert_refused ("http://", "“http://” names no host");
  assert_refused ("https:///path", "“https:///path” names no host");
  assert_refused ("https:example.org", "“https:example.org” names no host");
  assert_refused ("https://example.org/a b",
                  "“https://example.org/a b” contains a space, a control character or an invisible "
                  "character, which a link cannot hold; write a space as %20");
  assert_refused ("https://exa\tmple.org/",
                  "“https://exa\tmple.org/” contains a space, a control character or an invisible "
                  "character, which a link cannot hold; write a space as %20");
  assert_refused ("https://example.org/\xe2\x80\xae""exe.pdf",      /* U+202E, which reverses what follows */
                  "“https://example.org/\xe2\x80\xae""exe.pdf” contains a space, a control character or an "
                  "invisible character, which a link cannot hold; write a space as %20");
  assert_refused ("https://example.org:99999/",
                  "“https://example.org:99999/” is not a valid link (Port ‘99999’ in URI is out of range)");
  assert_refused ("https://example.org/%zz",
                  "“https://example.org/%zz” is not a valid link (Invalid %-encoding in URI)");
  assert_refused ("https://a..b/", "“https://a..b/” names the host “a..b”, which is not a valid host name");
  assert_refused ("https://exa%20mple.org/",
                  "“https://exa%20mple.org/” names the host “exa mple.org”, which is not a valid host name");
  assert_refused ("http://xn--zz.com/", "“http://xn--zz.com/” names the host “xn--zz.com”, which is not a "
                  "valid host name");

  /* Look-alikes: a Cyrillic "а" in a Latin name, Cyrillic letters with a Latin top-level
   * domain. The host is shown in its ASCII form, where the difference shows. */
  assert_refused ("https://p\xd0\xb0ypal.com/",
                  "“https://p\xd0\xb0ypal.com/” names the host “xn--pypal-4ve.com”, whose letters mix "
                  "writing systems, as look-alikes of other addresses do");
  assert_refused ("https://xn--pypal-4ve.com/",
                  "“https://xn--pypal-4ve.com/” names the host “xn--pypal-4ve.com”, whose letters mix "
                  "writing systems, as look-alikes of other addresses do");
  assert_refused ("https://\xd0\xb0\xd1\x80\xd1\x80\xd3\x8f\xd0\xb5.com/",
                  "“https://\xd0\xb0\xd1\x80\xd1\x80\xd3\x8f\xd0\xb5.com/” names the host “xn--80ak6aa92e.com”, "
                  "whose letters mix writing systems, as look-alikes of other addresses do");
  assert_refused ("https://ελλάдα.gr/",
                  "“https://ελλάдα.gr/” names the host “xn--hxakkya14e.gr”, whose letters mix "
                  "writing systems, as look-alikes of other addresses do");
  assert_refused ("https://ひらがな한국.kr/",
                  "“https://ひらがな한국.kr/” names the host “xn--v8j0cwa6g5527erc0b.kr”, whose letters mix "
                  "writing systems, as look-alikes of other addresses do");
}

static void
test_display_host (void)
{
  static const struct { const char *uri; const char *host; } cases[] = {
    { "https://Example.ORG/a", "example.org" },
    { "https://xn--e1afmkfd.xn--p1ai/", "пример.рф" },
    { "https://пример.рф/", "пример.рф" },
    { "https://p\xd0\xb0ypal.com/", "xn--pypal-4ve.com" },
    { "http://good.example@evil.example/", "evil.example" },
    { "http://%65vil.example/", "evil.example" },
    { "http://[2001:db8::1]/", "2001:db8::1" },
    { "http://", NULL },
    { "javascript:alert(1)", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *host = mba_uri_get_display_host (cases[i].uri);

      g_assert_cmpstr (host, ==, cases[i].host);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/uri/opens", test_opens);
  g_test_add_func ("/uri/refused", test_refused);
  g_test_add_func ("/uri/display-host", test_display_host);

  return g_test_run ();
}
