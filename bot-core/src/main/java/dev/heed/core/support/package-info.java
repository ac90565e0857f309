/**
 * Small plumbing shared by the feature packages: the database handle with its transaction template and the
 * conversions between {@link java.time.Instant} and SQL timestamps. No domain logic.
 */
package dev.heed.core.support;
