/* mba-timeline-layout.h: where the timeline puts ticks, lanes, events and clusters
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

#include "mba-dataset.h"
#include "mba-event-filter.h"

G_BEGIN_DECLS

typedef enum
{
  MBA_TIMELINE_LANE_MODE_KIND,
  MBA_TIMELINE_LANE_MODE_STATE,
} MbaTimelineLaneMode;

/* From the finest to the coarsest; the axis labels the finest one that keeps its ticks apart. */
typedef enum
{
  MBA_TIMELINE_TICK_DAY,
  MBA_TIMELINE_TICK_WEEK,
  MBA_TIMELINE_TICK_MONTH,
  MBA_TIMELINE_TICK_QUARTER,
  MBA_TIMELINE_TICK_YEAR,
  MBA_TIMELINE_TICK_DECADE,
  MBA_TIMELINE_N_TICK_UNITS
} MbaTimelineTickUnit;

/* The lane names' column: padding, then (by kind) a colour swatch, then the name. */
#define MBA_TIMELINE_LANE_LABEL_PAD 10.0
#define MBA_TIMELINE_LANE_SWATCH    16.0

/* Labelled ticks keep at least this many pixels between them. */
#define MBA_TIMELINE_MIN_TICK_SPACING 72.0

typedef struct
{
  double x, y, width, height;
} MbaTimelineRect;

typedef struct
{
  gint32    day;        /* the first day of the tick's period */
  double    x;
  gboolean  labelled;
  char      label[64];  /* empty for unlabelled ticks */
  double    label_x;    /* where the label starts; context labels stick to the left edge */
  double    label_width;
} MbaTimelineTick;

typedef struct
{
  guint            index;
  const char      *label;
  MbaEventKind     kind;      /* in kind mode */
  const MbaState  *state;     /* in state mode; NULL for the lane of events without a state */
  double           y;         /* top, on screen (after the vertical scroll) */
  double           height;
  guint            n_rows;
  guint            n_events;  /* events in the lane that pass the filters */
} MbaTimelineLane;

typedef enum
{
  MBA_TIMELINE_ITEM_EVENT,
  MBA_TIMELINE_ITEM_CLUSTER,
} MbaTimelineItemType;

/* One thing drawn in a lane: an event (a dot, or a bar for ranges) with its label, or a
 * cluster of neighbouring events drawn as a pill with their count. */
typedef struct
{
  MbaTimelineItemType  type;
  guint                lane;
  guint                row;
  const MbaEvent      *event;        /* the event; for a cluster its first event */
  guint                count;        /* 1 for an event */
  guint                lane_first;   /* the events covered: [lane_first, lane_first + count) */
  gint32               first_day;
  gint32               last_day;
  gboolean             is_range;     /* drawn as a bar */
  double               x;            /* dot centre, or where a bar or pill starts */
  double               x_end;        /* where a bar or pill ends */
  double               y;            /* the row's centre line */
  MbaTimelineRect      marker;       /* the dot, bar or pill */
  MbaTimelineRect      label;        /* width 0 when there is no label */
  double               label_full_width;
  gboolean             label_inside; /* written on the bar */
} MbaTimelineItem;

typedef struct
{
  MbaTimelineRect  axis;         /* the strip with the ticks, at the top */
  MbaTimelineRect  lane_labels;  /* the column with the lane names, at the left */
  MbaTimelineRect  plot;         /* where the lanes' events are */
  double           content_height;  /* all lanes, for the vertical scroll */
  double           row_height;
  double           text_height;
  double           pixels_per_day;
} MbaTimelineGeometry;

#define MBA_TYPE_TIMELINE_LANE_MODE (mba_timeline_lane_mode_get_type ())
#define MBA_TYPE_TIMELINE_LAYOUT (mba_timeline_layout_get_type ())

GType mba_timeline_lane_mode_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (MbaTimelineLayout, mba_timeline_layout, MBA, TIMELINE_LAYOUT, GObject)

MbaTimelineLayout   *mba_timeline_layout_new                (void);

/* Inputs; each setter is cheap when nothing changes. */
void                 mba_timeline_layout_set_dataset        (MbaTimelineLayout          *self,
                                                             MbaDataset                 *dataset);
MbaDataset          *mba_timeline_layout_get_dataset        (MbaTimelineLayout          *self);
void                 mba_timeline_layout_set_lane_mode      (MbaTimelineLayout          *self,
                                                             MbaTimelineLaneMode         mode);
void                 mba_timeline_layout_set_filter         (MbaTimelineLayout          *self,
                                                             MbaEventFilter             *filter);
MbaEventFilter      *mba_timeline_layout_get_filter         (MbaTimelineLayout          *self);
void                 mba_timeline_layout_filter_changed     (MbaTimelineLayout          *self);
/* The layout's own filter, used until mba_timeline_layout_set_filter() shares another */
void                 mba_timeline_layout_set_hidden_kinds   (MbaTimelineLayout          *self,
                                                             guint                       mask);
void                 mba_timeline_layout_set_state_filter   (MbaTimelineLayout          *self,
                                                             const char                 *code);
void                 mba_timeline_layout_set_search_text    (MbaTimelineLayout          *self,
                                                             const char                 *text);
void                 mba_timeline_layout_set_font           (MbaTimelineLayout          *self,
                                                             const PangoFontDescription *font);
PangoContext        *mba_timeline_layout_get_pango_context  (MbaTimelineLayout          *self);

void                 mba_timeline_layout_update             (MbaTimelineLayout          *self,
                                                             double                      start_day,
                                                             double                      end_day,
                                                             int                         width,
                                                             int                         height,
                                                             double                      lane_offset);

/* Results of the last update. */
const MbaTimelineGeometry *mba_timeline_layout_get_geometry (MbaTimelineLayout          *self);
MbaTimelineTickUnit  mba_timeline_layout_get_tick_unit      (MbaTimelineLayout          *self);
const MbaTimelineTick *mba_timeline_layout_get_ticks        (MbaTimelineLayout          *self,
                                                             guint                      *n_ticks);
const MbaTimelineTick *mba_timeline_layout_get_context_ticks (MbaTimelineLayout         *self,
                                                             guint                      *n_ticks);
guint                mba_timeline_layout_get_n_lanes        (MbaTimelineLayout          *self);
const MbaTimelineLane *mba_timeline_layout_get_lane         (MbaTimelineLayout          *self,
                                                             guint                       index);
const MbaTimelineItem *mba_timeline_layout_get_items        (MbaTimelineLayout          *self,
                                                             guint                      *n_items);
const MbaTimelineItem *mba_timeline_layout_hit_test         (MbaTimelineLayout          *self,
                                                             double                      x,
                                                             double                      y);
const MbaTimelineItem *mba_timeline_layout_find_event_item  (MbaTimelineLayout          *self,
                                                             const MbaEvent             *event);
const MbaEvent      *mba_timeline_layout_get_lane_event     (MbaTimelineLayout          *self,
                                                             guint                       lane,
                                                             guint                       position);
double               mba_timeline_layout_clamp_lane_offset  (MbaTimelineLayout          *self,
                                                             double                      lane_offset);
double               mba_timeline_layout_get_lane_top       (MbaTimelineLayout          *self,
                                                             const MbaEvent             *event);

double               mba_timeline_layout_get_lane_text_x    (MbaTimelineLayout          *self);
gboolean             mba_timeline_layout_item_contains      (MbaTimelineLayout          *self,
                                                             const MbaTimelineItem      *item,
                                                             const MbaEvent             *event);
double               mba_timeline_layout_day_to_x           (MbaTimelineLayout          *self,
                                                             double                      day);
double               mba_timeline_layout_x_to_day           (MbaTimelineLayout          *self,
                                                             double                      x);

/* Text, measured once and kept. */
PangoLayout         *mba_timeline_layout_get_event_layout   (MbaTimelineLayout          *self,
                                                             const MbaEvent             *event);
PangoLayout         *mba_timeline_layout_get_text_layout    (MbaTimelineLayout          *self,
                                                             const char                 *text);
PangoLayout         *mba_timeline_layout_get_lane_layout    (MbaTimelineLayout          *self,
                                                             guint                       lane);

/* The events that pass the filters, in date order, for keyboard navigation. */
gboolean             mba_timeline_layout_event_is_shown     (MbaTimelineLayout          *self,
                                                             const MbaEvent             *event);
guint                mba_timeline_layout_get_n_shown        (MbaTimelineLayout          *self);
const MbaEvent      *mba_timeline_layout_get_shown          (MbaTimelineLayout          *self,
                                                             guint                       position);
guint                mba_timeline_layout_find_shown         (MbaTimelineLayout          *self,
                                                             gint32                      day);
const MbaEvent      *mba_timeline_layout_step               (MbaTimelineLayout          *self,
                                                             const MbaEvent             *from,
                                                             int                         direction);
gboolean             mba_timeline_event_is_range            (const MbaEvent             *event);

MbaTimelineTickUnit  mba_timeline_choose_tick_unit          (double                      pixels_per_day);

G_END_DECLS
