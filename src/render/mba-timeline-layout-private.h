/* mba-timeline-layout-private.h: the timeline layout's state, shared by the units it is split into
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mba-event-filter.h"
#include "mba-timeline-layout.h"

G_BEGIN_DECLS

/* The most rows of events a lane stacks. */
#define MAX_ROWS 4

typedef struct
{
  char            *label;
  PangoLayout     *label_layout;
  double           natural_width;
  double           layout_width;
  MbaEventKind     kind;
  const MbaState  *state;
  GArray          *events;     /* guint dataset indices, in date order */
  GArray          *days;       /* gint32 first days, parallel to events */
  GArray          *ranges;     /* guint positions in events of the events drawn as bars */
  gint32           max_range_days;
  guint            first_item;
  guint            n_items;
} Lane;

struct _MbaTimelineLayout
{
  GObject               parent_instance;

  /* Inputs */
  MbaDataset           *dataset;
  MbaTimelineLaneMode   lane_mode;
  MbaEventFilter       *filter;         /* the one in use: own_filter, or one shared (the session's) */
  MbaEventFilter       *own_filter;     /* set through the layout's setters, for a layout alone */
  PangoFontDescription *font;
  PangoContext         *context;

  /* Derived from the dataset and the filters */
  gboolean              lanes_dirty;
  GArray               *shown;          /* guint dataset indices */
  GPtrArray            *lanes;          /* Lane */
  GArray               *public_lanes;   /* MbaTimelineLane */
  double                lane_label_width;

  /* Text */
  GHashTable           *event_layouts;  /* index + 1 → PangoLayout */
  GHashTable           *text_layouts;   /* string → PangoLayout */
  double                text_height;
  double                digit_width;
  double                sample_tick_width[MBA_TIMELINE_N_TICK_UNITS];

  /* The last update */
  gboolean              frame_valid;
  double                start;
  double                end;
  int                   width;
  int                   height;
  double                lane_offset;   /* as asked */
  double                scroll;        /* as clamped */
  double                lane_height;
  guint                 n_rows;
  MbaTimelineGeometry   geometry;
  MbaTimelineTickUnit   tick_unit;
  GArray               *ticks;
  GArray               *context_ticks;
  GArray               *items;
  GArray               *slots;          /* scratch */
};

/* mba-timeline-layout.c */
PangoLayout    *_mba_timeline_layout_new_text_layout   (MbaTimelineLayout *self,
                                                        const char        *text);
double          _mba_timeline_text_width               (PangoLayout       *layout);

/* mba-timeline-layout-lanes.c: lanes and filtering */
void            _mba_timeline_lane_free                (gpointer           data);
guint           _mba_timeline_uint_lower_bound         (const guint       *values,
                                                        guint              n,
                                                        guint              value);
void            _mba_timeline_layout_ensure_lanes      (MbaTimelineLayout *self);
void            _mba_timeline_layout_invalidate_lanes  (MbaTimelineLayout *self);
void            _mba_timeline_layout_ensure_lane_label (MbaTimelineLayout *self,
                                                        Lane              *lane);
const MbaEvent *_mba_timeline_layout_lane_event        (MbaTimelineLayout *self,
                                                        Lane              *lane,
                                                        guint              position);
int             _mba_timeline_lane_find_position       (Lane              *lane,
                                                        const MbaEvent    *event);

/* mba-timeline-layout-axis.c: the date axis and its ticks */
void            _mba_timeline_layout_measure_tick_labels (MbaTimelineLayout *self);
void            _mba_timeline_layout_place_ticks       (MbaTimelineLayout *self);

/* mba-timeline-layout-slots.c: packing a lane's events into rows */
GArray         *_mba_timeline_slots_new                (void);
void            _mba_timeline_layout_pack_lane         (MbaTimelineLayout *self,
                                                        Lane              *lane,
                                                        guint              lane_index,
                                                        double             lane_y,
                                                        guint              n_rows);

G_END_DECLS
