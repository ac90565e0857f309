/**
 * The shared vocabulary of Heed: a {@link dev.heed.core.model.Post} seen on a social network, its
 * {@link dev.heed.core.model.Author}, the {@link dev.heed.core.model.Kind} and {@link dev.heed.core.model.Priority}
 * a case gets, and the small references ({@link dev.heed.core.model.ChannelRef}, {@link
 * dev.heed.core.model.MessageRef}, {@link dev.heed.core.model.MemberRef}) through which chat platforms appear in
 * the core without their raw ids leaking as loose strings. Values only: no behaviour that needs a clock, a
 * database or a network.
 */
package dev.heed.core.model;
