package dev.heed.core.support;

import static dev.heed.core.support.Db.ts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Named leases in the database, so that several instances of Heed sharing one database split the jobs that must
 * run in one place at a time. {@link #hold} takes a free or expired lease, or renews one this instance already
 * holds; a holder that dies stops renewing and another instance takes the lease over once it expires.
 *
 * <p>Call it outside a transaction: a lost race to insert a new lease is a failed statement, which on PostgreSQL
 * would abort the surrounding transaction.
 *
 * <p>A lease is about not doing work twice, not about correctness: what a lease guards is also safe when two
 * instances do it at once (checkpoint versions, conditional updates), a lease just keeps them from trying.
 */
public final class Leases {
    private final Db db;
    private final Clock clock;
    private final String holder;
    private final Duration ttl;

    /**
     * @param holder this instance's name, unique among the instances sharing the database
     * @param ttl how long a lease lasts without renewal; the takeover time after a holder dies
     */
    public Leases(Db db, Clock clock, String holder, Duration ttl) {
        if (holder == null || holder.isBlank() || holder.length() > 200) {
            throw new IllegalArgumentException("an instance name needs 1 to 200 characters: '" + holder + "'");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease needs a positive duration: " + ttl);
        }
        this.db = db;
        this.clock = clock;
        this.holder = holder;
        this.ttl = ttl;
    }

    /** This instance's name. */
    public String holder() {
        return holder;
    }

    public Duration ttl() {
        return ttl;
    }

    /** Takes or renews the lease; true when this instance holds it until {@code now + ttl}. */
    public boolean hold(String name) {
        Instant now = clock.instant();
        int renewed = db.sql()
                .sql("""
                        UPDATE lease SET holder = :holder, expires_at = :until,
                            acquired_at = CASE WHEN holder = :holder THEN acquired_at ELSE :now END
                        WHERE name = :name AND (holder = :holder OR expires_at <= :now)
                        """)
                .param("holder", holder)
                .param("until", ts(now.plus(ttl)))
                .param("now", ts(now))
                .param("name", name)
                .update();
        if (renewed == 1) {
            return true;
        }
        if (db.sql()
                        .sql("SELECT COUNT(*) FROM lease WHERE name = ?")
                        .param(name)
                        .query(Long.class)
                        .single()
                > 0) {
            return false; // held by another instance and not expired
        }
        try {
            db.sql()
                    .sql("INSERT INTO lease (name, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?)")
                    .params(name, holder, ts(now), ts(now.plus(ttl)))
                    .update();
            return true;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    /** Gives the lease up (on a clean shutdown), so that another instance need not wait for it to expire. */
    public void release(String name) {
        db.sql()
                .sql("DELETE FROM lease WHERE name = ? AND holder = ?")
                .params(name, holder)
                .update();
    }

    /** Who holds the lease now, if anyone does. */
    public Optional<String> holderOf(String name) {
        return db.sql()
                .sql("SELECT holder FROM lease WHERE name = ? AND expires_at > ?")
                .params(name, ts(clock.instant()))
                .query(String.class)
                .optional();
    }

    /** A gate on one lease, for work that asks "is this mine?" often: see {@link Gate}. */
    public Gate gate(String name) {
        return new Gate(name);
    }

    /**
     * Answers whether this instance holds one lease, renewing it at most every half lease: a busy caller costs
     * the database one statement per half lease, and another instance can take the lease only after it expired,
     * so two instances never both see the gate open (given clocks in step within a few seconds). A database
     * failure closes the gate.
     */
    public final class Gate implements BooleanSupplier {
        private final String name;
        private boolean held;
        private Instant renewAt = Instant.MIN;

        private Gate(String name) {
            this.name = name;
        }

        @Override
        public synchronized boolean getAsBoolean() {
            Instant now = clock.instant();
            if (held && now.isBefore(renewAt)) {
                return true;
            }
            try {
                held = hold(name);
            } catch (DataAccessException database) {
                held = false;
            }
            renewAt = held ? now.plus(ttl.dividedBy(2)) : Instant.MIN;
            return held;
        }

        /** Gives the lease up if this instance holds it; a database failure leaves it to expire. */
        public synchronized void release() {
            if (!held) {
                return;
            }
            held = false;
            try {
                Leases.this.release(name);
            } catch (DataAccessException database) {
                // it expires by itself
            }
        }
    }
}
