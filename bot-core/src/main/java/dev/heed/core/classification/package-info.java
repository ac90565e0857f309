/**
 * Understanding a post: which {@link dev.heed.core.model.Kind} it is ({@link
 * dev.heed.core.classification.PostClassifier}), how urgent it is ({@link
 * dev.heed.core.classification.PriorityScorer}), and what the team could answer ({@link
 * dev.heed.core.classification.ReplySuggester}). The defaults here are honest keyword rules and templates that
 * follow social-care.md; every verdict carries the human-readable reasons behind it.
 */
package dev.heed.core.classification;
