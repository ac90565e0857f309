/**
 * Deadlines and nudges as pure arithmetic: business hours (a time zone, periods per weekday that may cross
 * midnight, holidays, DST), response targets per kind and priority, and the nudge ladder that turns a deadline
 * into the instants at which the team is reminded, warned and told of a breach. No clock, no storage: callers
 * pass the instants in.
 */
package dev.heed.core.sla;
