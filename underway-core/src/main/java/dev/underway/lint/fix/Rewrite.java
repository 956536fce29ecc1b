package dev.underway.lint.fix;

import java.util.List;

/**
 * The safe form of one statement.
 *
 * @param statements    what replaces it, in order (without terminators)
 * @param outsideTransaction the new statements must not share a transaction (CONCURRENTLY, or VALIDATE after
 *                      ADD ... NOT VALID), so the file must run statement by statement
 * @param note          what was done, for the user
 */
record Rewrite(List<String> statements, boolean outsideTransaction, String note) {
}
