/* mba-quote-panel.c: the selected event's quotes, sources and disputes
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mba-country-names.h"
#include "mba-quote-panel.h"
#include "mba-source-format.h"
#include "mba-tooltip.h"
#include "mba-uri.h"

struct _MbaQuotePanel
{
  AdwBin           parent_instance;

  MbaSession      *session;   /* nullable: the app's state, whose selection the panel shows */

  GtkStack        *stack;
  GtkScrolledWindow *event_scroller;
  GtkBox          *event_box;
  GtkBox          *source_box;

  MbaDataset      *dataset;
  const MbaEvent  *event;
  char            *event_id;
};

G_DEFINE_FINAL_TYPE (MbaQuotePanel, mba_quote_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_EVENT_ID,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------------------------ */
/* Words for sources and links                                                                */
/* ------------------------------------------------------------------------------------------ */

/**
 * mba_uri_is_web:
 *
 * Whether @uri may be opened: links come from data files, so only http and https are launched,
 * never file:, javascript: or a custom scheme that could start a program, and never one that
 * disguises where it leads (see mba_uri_check()).
 */
gboolean
mba_uri_is_web (const char *uri)
{
  /* The same rule as the loader's (issue 16, section 4): one place decides. */
  return uri != NULL && mba_uri_check (uri, NULL);
}

static const char *
state_name (const MbaState *state)
{
  return mba_country_name (state->code, state->name);
}

/* ------------------------------------------------------------------------------------------ */
/* Building blocks                                                                            */
/* ------------------------------------------------------------------------------------------ */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* Text from the dataset is never markup: these labels show it as it is. */
static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
section_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return label;
}

static GtkRoot *
toast_target (GtkWidget *widget)
{
  return gtk_widget_get_root (widget);
}

static void
show_toast (GtkWidget  *widget,
            const char *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
on_copy_clicked (GtkButton  *button,
                 const char *toast_title)
{
  const char *text = g_object_get_data (G_OBJECT (button), "mba-copy-text");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
  show_toast (GTK_WIDGET (button), toast_title);
}

static void
on_link_clicked (GtkButton *button,
                 gpointer   user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "mba-uri");

  /* Checked again here: the button only exists for web links, but this is where a link opens. */
  if (mba_uri_is_web (uri))
    gtk_show_uri (GTK_WINDOW (toast_target (GTK_WIDGET (button))), uri, GDK_CURRENT_TIME);
}

static void
on_source_clicked (MbaQuotePanel *self,
                   GtkButton     *button)
{
  mba_quote_panel_show_source (self, g_object_get_data (G_OBJECT (button), "mba-source-id"));
}

static GtkWidget *
small_button (const char *label,
              const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "small-button");
  return button;
}

/* A button that puts TEXT on the clipboard and says so with TOAST_TITLE (a translated,
 * static string). */
static GtkWidget *
copy_button (const char *label,
             const char *tooltip,
             const char *text,
             const char *toast_title)
{
  GtkWidget *button = small_button (label, tooltip);

  g_object_set_data_full (G_OBJECT (button), "mba-copy-text", g_strdup (text), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_copy_clicked), (gpointer) toast_title);
  return button;
}

/* For analysts only, folded away: where the quote is in the article's file, and the citation
 * to copy. The main view never names a file. */
static GtkWidget *
details_expander (const MbaSource *source,
                  gint64           at)
{
  GtkWidget *expander = gtk_expander_new_with_mnemonic (_("_Details for Analysts"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *location = mba_source_format_location (source, at);
  g_autofree char *citation = mba_source_format_citation (source);
  g_autofree char *copy_text = location ? g_strdup_printf ("%s. %s", citation, location)
                                        : g_strdup (citation);
  GtkWidget *copy = copy_button (_("Copy C_itation"), _("Copy the source as a citation, with where the quote is"),
                                 copy_text, _("Citation copied"));

  gtk_widget_add_css_class (expander, "source-details");
  gtk_widget_set_margin_top (box, 4);
  if (location != NULL)
    gtk_box_append (GTK_BOX (box), text_label (location, "caption"));
  gtk_widget_set_halign (copy, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), copy);
  gtk_expander_set_child (GTK_EXPANDER (expander), box);
  return expander;
}

/* The lines under a quote or a record fact, as a reader cites the source: the article's own
 * headline (or "Untitled article", with our description marked as ours), its outlet and date
 * where the text states them, or the record page's title, site and the day it was read; then
 * the buttons to copy the quote, open the link and list the other events that cite the same
 * source, and the details for analysts. */
static GtkWidget *
source_row (MbaQuotePanel   *self,
            const MbaSource *source,
            const char      *copy_text,
            gint64           at)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *heading = mba_source_format_heading (source);
  g_autofree char *our_title = mba_source_format_our_title (source);
  g_autofree char *byline = mba_source_format_byline (source);
  GtkWidget *source_button;

  gtk_box_append (GTK_BOX (row), text_label (heading, "caption-heading"));
  if (our_title != NULL)
    gtk_box_append (GTK_BOX (row), text_label (our_title, "caption"));
  if (byline != NULL)
    gtk_box_append (GTK_BOX (row), text_label (byline, "caption"));

  if (copy_text != NULL)
    {
      GtkWidget *copy = copy_button (_("_Copy"), _("Copy the quote and its source"), copy_text, _("Quote copied"));

      gtk_box_append (GTK_BOX (buttons), copy);
    }

  if (mba_uri_is_web (source->url))
    {
      GtkWidget *link = small_button (_("Open _Link"), source->url);

      g_object_set_data_full (G_OBJECT (link), "mba-uri", g_strdup (source->url), g_free);
      g_signal_connect (link, "clicked", G_CALLBACK (on_link_clicked), NULL);
      gtk_box_append (GTK_BOX (buttons), link);
    }

  source_button = small_button (_("_Cited By…"), _("List every event that cites this source"));
  g_object_set_data_full (G_OBJECT (source_button), "mba-source-id", g_strdup (source->id), g_free);
  g_signal_connect_object (source_button, "clicked", G_CALLBACK (on_source_clicked), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), source_button);
  gtk_box_append (GTK_BOX (row), buttons);
  if (source->layer == MBA_SOURCE_LAYER_ARTICLE)
    gtk_box_append (GTK_BOX (row), details_expander (source, at));
  return row;
}

static char *
copy_text_for (const char      *text,
               const MbaSource *source)
{
  g_autofree char *description = mba_source_format_citation (source);

  /* Translators: a copied quote followed by its source */
  return g_strdup_printf (_("“%s” — %s"), text, description);
}

/* A verbatim quote from an article, as a block with its source under it. */
static GtkWidget *
quote_block (MbaQuotePanel   *self,
             const char      *text,
             const MbaSource *source,
             gint64           at)
{
  GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *quoted = g_strdup_printf (_("“%s”"), text);
  g_autofree char *copy = copy_text_for (text, source);

  gtk_widget_add_css_class (block, "quote-block");
  gtk_box_append (GTK_BOX (block), text_label (quoted, "quote-text"));
  gtk_box_append (GTK_BOX (block), source_row (self, source, copy, at));
  return block;
}

/* A fact from the treaty record: not a quote, so it is shown as a citation with its link. */
static GtkWidget *
citation_block (MbaQuotePanel     *self,
                const MbaCitation *citation)
{
  GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_add_css_class (block, "record-block");
  if (citation->note != NULL)
    gtk_box_append (GTK_BOX (block), text_label (citation->note, "record-note"));
  gtk_box_append (GTK_BOX (block), source_row (self, citation->source, NULL, 0));
  return block;
}

static GtkWidget *
dispute_block (MbaQuotePanel    *self,
               const MbaDispute *dispute)
{
  GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_widget_add_css_class (block, "card");
  gtk_widget_add_css_class (block, "dispute-block");
  gtk_box_append (GTK_BOX (block), text_label (dispute->topic, "heading"));

  for (guint i = 0; i < dispute->n_claims; i++)
    {
      const MbaClaim *claim = &dispute->claims[i];
      GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      g_autofree char *copy = copy_text_for (claim->text, claim->source);

      gtk_box_append (GTK_BOX (side), text_label (claim->reading, "dispute-reading"));
      if (claim->source->layer == MBA_SOURCE_LAYER_ARTICLE)
        {
          g_autofree char *quoted = g_strdup_printf (_("“%s”"), claim->text);

          gtk_box_append (GTK_BOX (side), text_label (quoted, "quote-text"));
          gtk_widget_add_css_class (side, "quote-block");
        }
      else
        {
          gtk_box_append (GTK_BOX (side), text_label (claim->text, "record-note"));
          gtk_widget_add_css_class (side, "record-block");
        }
      gtk_box_append (GTK_BOX (side), source_row (self, claim->source, copy, 0));
      gtk_box_append (GTK_BOX (block), side);
    }
  if (dispute->note != NULL)
    gtk_box_append (GTK_BOX (block), text_label (dispute->note, "dim-label"));
  return block;
}

/* ------------------------------------------------------------------------------------------ */
/* Pages                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
build_event_page (MbaQuotePanel *self)
{
  const MbaEvent *event = self->event;
  g_autofree char *date_line = mba_event_describe_date_kind (event);
  GtkBox *box = self->event_box;
  guint n_article_quotes = 0;

  clear_box (box);

  gtk_box_append (box, text_label (event->title, "title-2"));

  gtk_box_append (box, text_label (date_line, "event-date"));

  if (event->date_basis != NULL)
    {
      /* Translators: how a date was worked out from the articles */
      g_autofree char *basis = g_strdup_printf (_("How the date is known: %s"), event->date_basis);

      gtk_box_append (box, text_label (basis, "dim-label"));
    }
  if (event->derived)
    gtk_box_append (box, text_label (_("Worked out by the app from Article 20 of the treaty: a "
                                       "withdrawal takes effect a set number of months after it is "
                                       "deposited."), "dim-label"));

  /* "State"/"States" and "Quote"/"Quotes" below say one or several without a number, so they
   * are not ngettext plurals: that picks by count and gives a singular for 21 in Ukrainian. */
  if (event->n_states > 0)
    {
      GString *names = g_string_new (NULL);
      g_autofree char *line = NULL;

      for (guint i = 0; i < event->n_states; i++)
        {
          if (i > 0)
            g_string_append (names, ", ");
          g_string_append (names, state_name (event->states[i]));
        }
      /* Translators: the states an event concerns */
      line = g_strdup_printf (event->n_states == 1 ? _("State: %s") : _("States: %s"), names->str);
      gtk_box_append (box, text_label (line, NULL));
      g_string_free (names, TRUE);
    }

  for (guint i = 0; i < event->n_settings; i++)
    {
      /* Translators: a status an event gives a state, e.g. "Sets the status of Estonia to Withdrawn" */
      g_autofree char *line = g_strdup_printf (_("Sets the status of %s to %s"),
                                               state_name (event->settings[i].state),
                                               mba_status_get_label (event->settings[i].status));

      gtk_box_append (box, text_label (line, "status-setting"));
    }

  gtk_box_append (box, text_label (event->summary, "event-summary"));

  for (guint i = 0; i < event->n_quotes; i++)
    if (event->quotes[i].source->layer == MBA_SOURCE_LAYER_ARTICLE)
      n_article_quotes++;

  if (event->n_quotes > 0)
    {
      gtk_box_append (box, section_heading (event->n_quotes == 1 ? _("Quote") : _("Quotes")));
      for (guint i = 0; i < event->n_quotes; i++)
        gtk_box_append (box, quote_block (self, event->quotes[i].text, event->quotes[i].source,
                                          event->quotes[i].at));
    }

  if (event->n_citations > 0)
    {
      gtk_box_append (box, section_heading (_("From the Treaty Record")));
      for (guint i = 0; i < event->n_citations; i++)
        gtk_box_append (box, citation_block (self, &event->citations[i]));
    }

  if (event->n_quotes == 0 && event->n_citations == 0 && event->derived)
    gtk_box_append (box, text_label (_("No article states this date: it follows from the deposit "
                                       "and the treaty’s notice period."), "dim-label"));

  if (event->n_disputes > 0)
    {
      gtk_box_append (box, section_heading (ngettext ("Where the Sources Disagree",
                                                      "Where the Sources Disagree",
                                                      event->n_disputes)));
      for (guint i = 0; i < event->n_disputes; i++)
        gtk_box_append (box, dispute_block (self, event->disputes[i]));
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->event_scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "event");
}

static gboolean
event_cites (const MbaEvent  *event,
             const MbaSource *source)
{
  for (guint i = 0; i < event->n_quotes; i++)
    if (event->quotes[i].source == source)
      return TRUE;
  for (guint i = 0; i < event->n_citations; i++)
    if (event->citations[i].source == source)
      return TRUE;
  return FALSE;
}

static void
on_citing_row_activated (MbaQuotePanel *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  const char *id = g_object_get_data (G_OBJECT (row), "mba-event-id");

  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, id);
}

static void
build_source_page (MbaQuotePanel   *self,
                   const MbaSource *source)
{
  GtkBox *box = self->source_box;
  g_autofree char *description = mba_source_format_heading (source);
  g_autofree char *our_title = mba_source_format_our_title (source);
  g_autofree char *byline = mba_source_format_byline (source);
  GtkWidget *list = gtk_list_box_new ();
  guint n_events = mba_dataset_get_n_events (self->dataset);
  guint n_citing = 0;
  g_autofree char *heading = NULL;

  clear_box (box);
  gtk_box_append (box, text_label (description, "title-4"));
  if (our_title != NULL)
    gtk_box_append (box, text_label (our_title, NULL));
  if (byline != NULL)
    gtk_box_append (box, text_label (byline, NULL));
  if (source->layer == MBA_SOURCE_LAYER_RECORD)
    gtk_box_append (box, text_label (_("A source from the treaty record, not one of the five "
                                       "articles."), "dim-label"));
  if (source->document != NULL)
    gtk_box_append (box, details_expander (source, 0));
  if (mba_uri_is_web (source->url))
    {
      GtkWidget *link = small_button (_("Open _Link"), source->url);

      g_object_set_data_full (G_OBJECT (link), "mba-uri", g_strdup (source->url), g_free);
      g_signal_connect (link, "clicked", G_CALLBACK (on_link_clicked), NULL);
      gtk_widget_set_halign (link, GTK_ALIGN_START);
      gtk_box_append (box, link);
    }
  if (source->note != NULL)
    gtk_box_append (box, text_label (source->note, "dim-label"));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < n_events; i++)
    {
      const MbaEvent *event = mba_dataset_get_event (self->dataset, i);
      GtkWidget *row;
      g_autofree char *date = NULL;

      if (!event_cites (event, source))
        continue;
      date = mba_event_describe_date (event);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), event->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "mba-event-id", g_strdup (event->id), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      n_citing++;
    }
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_citing_row_activated), self,
                           G_CONNECT_SWAPPED);

  /* Translators: the heading over the list of events that cite a source */
  heading = g_strdup_printf (ngettext ("%u Event Cites This Source", "%u Events Cite This Source",
                                       n_citing), n_citing);
  gtk_box_append (box, section_heading (heading));
  gtk_box_append (box, list);
  gtk_widget_set_visible (list, n_citing > 0);

  gtk_stack_set_visible_child_name (self->stack, "source");
}

static void
mba_quote_panel_update (MbaQuotePanel *self)
{
  self->event = NULL;
  if (self->dataset != NULL && self->event_id != NULL)
    self->event = mba_dataset_find_event (self->dataset, self->event_id);

  if (self->event == NULL)
    {
      clear_box (self->event_box);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  build_event_page (self);
}

static void
on_back_clicked (MbaQuotePanel *self)
{
  gtk_stack_set_visible_child_name (self->stack, self->event != NULL ? "event" : "empty");
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

GtkWidget *
mba_quote_panel_new (void)
{
  return g_object_new (MBA_TYPE_QUOTE_PANEL, NULL);
}

/* The default handler of ::event-activated: the chosen event becomes the selection. */
static void
mba_quote_panel_real_event_activated (MbaQuotePanel *self,
                                      const char    *event_id)
{
  if (self->session == NULL)
    return;
  /* The event already selected changes nothing in the session: go back to its page here. */
  if (self->event != NULL && g_strcmp0 (self->event_id, event_id) == 0)
    gtk_stack_set_visible_child_name (self->stack, "event");
  mba_session_set_selected_event_id (self->session, event_id);
}

static void
on_session_changed (MbaQuotePanel *self)
{
  mba_quote_panel_set_dataset (self, mba_session_get_dataset (self->session));
  mba_quote_panel_set_event_id (self, mba_session_get_selected_event_id (self->session));
}

/**
 * mba_quote_panel_set_session:
 * @session: (nullable): the app's state
 *
 * The panel shows the session's selected event; an event chosen in the panel (a dispute's
 * other side, a source's citing event) becomes the session's selection.
 */
void
mba_quote_panel_set_session (MbaQuotePanel *self,
                             MbaSession    *session)
{
  g_return_if_fail (MBA_IS_QUOTE_PANEL (self));
  g_return_if_fail (session == NULL || MBA_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session == NULL)
    return;
  g_signal_connect_object (session, "notify::dataset", G_CALLBACK (on_session_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::selected-event-id", G_CALLBACK (on_session_changed), self,
                           G_CONNECT_SWAPPED);
  on_session_changed (self);
}

MbaSession *
mba_quote_panel_get_session (MbaQuotePanel *self)
{
  g_return_val_if_fail (MBA_IS_QUOTE_PANEL (self), NULL);
  return self->session;
}

MbaDataset *
mba_quote_panel_get_dataset (MbaQuotePanel *self)
{
  g_return_val_if_fail (MBA_IS_QUOTE_PANEL (self), NULL);
  return self->dataset;
}

void
mba_quote_panel_set_dataset (MbaQuotePanel *self,
                             MbaDataset    *dataset)
{
  g_return_if_fail (MBA_IS_QUOTE_PANEL (self));
  g_return_if_fail (dataset == NULL || MBA_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;
  mba_quote_panel_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

const char *
mba_quote_panel_get_event_id (MbaQuotePanel *self)
{
  g_return_val_if_fail (MBA_IS_QUOTE_PANEL (self), NULL);
  return self->event_id;
}

void
mba_quote_panel_set_event_id (MbaQuotePanel *self,
                              const char    *event_id)
{
  g_return_if_fail (MBA_IS_QUOTE_PANEL (self));

  if (g_strcmp0 (self->event_id, event_id) == 0)
    return;
  g_free (self->event_id);
  self->event_id = g_strdup (event_id);
  mba_quote_panel_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_ID]);
}

/**
 * mba_quote_panel_show_source:
 *
 * Shows @source_id's page: what it is, its link, and every event that cites it.
 */
void
mba_quote_panel_show_source (MbaQuotePanel *self,
                             const char    *source_id)
{
  const MbaSource *source;

  g_return_if_fail (MBA_IS_QUOTE_PANEL (self));

  if (self->dataset == NULL || source_id == NULL)
    return;
  source = mba_dataset_find_source (self->dataset, source_id);
  if (source != NULL)
    build_source_page (self, source);
}

/* "empty", "event" or "source" */
const char *
mba_quote_panel_get_page (MbaQuotePanel *self)
{
  g_return_val_if_fail (MBA_IS_QUOTE_PANEL (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
mba_quote_panel_dispose (GObject *object)
{
  MbaQuotePanel *self = MBA_QUOTE_PANEL (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  self->event = NULL;
  g_clear_object (&self->dataset);
  /* AdwBin unparents its child, the template's stack, itself. */
  G_OBJECT_CLASS (mba_quote_panel_parent_class)->dispose (object);
}

static void
mba_quote_panel_finalize (GObject *object)
{
  MbaQuotePanel *self = MBA_QUOTE_PANEL (object);

  g_free (self->event_id);
  G_OBJECT_CLASS (mba_quote_panel_parent_class)->finalize (object);
}

static void
mba_quote_panel_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MbaQuotePanel *self = MBA_QUOTE_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_EVENT_ID:
      g_value_set_string (value, self->event_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_quote_panel_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MbaQuotePanel *self = MBA_QUOTE_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      mba_quote_panel_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_EVENT_ID:
      mba_quote_panel_set_event_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_quote_panel_class_init (MbaQuotePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mba_quote_panel_dispose;
  object_class->finalize = mba_quote_panel_finalize;
  object_class->get_property = mba_quote_panel_get_property;
  object_class->set_property = mba_quote_panel_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, MBA_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_ID] =
    g_param_spec_string ("event-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MbaQuotePanel::event-activated:
   * @event_id: the event chosen in a source's list of citing events
   */
  signals[EVENT_ACTIVATED] =
    g_signal_new_class_handler ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (mba_quote_panel_real_event_activated),
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mba-quote-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MbaQuotePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, MbaQuotePanel, event_scroller);
  gtk_widget_class_bind_template_child (widget_class, MbaQuotePanel, event_box);
  gtk_widget_class_bind_template_child (widget_class, MbaQuotePanel, source_box);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_set_css_name (widget_class, "quotepanel");
}

static void
mba_quote_panel_init (MbaQuotePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
