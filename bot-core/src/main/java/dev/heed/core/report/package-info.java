/**
 * What managers ask for, platform-neutral: the live {@link dev.heed.core.report.StatusReport} (open work,
 * deadlines, load per person, today's response times) and the {@link dev.heed.core.report.PeriodReport} (volume,
 * first-response median and 90th percentile, share within deadline, per person) that the {@code /care} commands
 * and the REST API render.
 */
package dev.heed.core.report;
