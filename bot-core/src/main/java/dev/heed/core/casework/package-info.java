/**
 * The team's unit of work. {@link dev.heed.core.casework.IngestService} turns a post into a case (or attaches a
 * follow-up to one), {@link dev.heed.core.casework.CaseCommands} carries out what the team does with it (claim,
 * respond, resolve, dismiss, snooze, reassign, reclassify), and {@link dev.heed.core.casework.NudgeSweep} sends the
 * nudges its deadline calls for. Every change is written together with its audit entry and the outbox rows that
 * will show it in chat, in one transaction.
 */
package dev.heed.core.casework;
