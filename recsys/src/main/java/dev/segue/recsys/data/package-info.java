/**
 * Listening data: the Music4All reader ({@link dev.segue.recsys.data.Music4AllReader}, tab-separated
 * files with headers; {@link dev.segue.recsys.data.OnionReader} for Music4All-Onion), the sessionizer
 * (stable sort by user, time, file order; a gap above the threshold starts a session; one-song sessions
 * dropped; optional dedup), dense item ids (0 = padding), the study's T4Rec split (70/15/15 by user id,
 * unseen users) and RTA split (N long sessions each for test and validation in 10 seed groups), and the
 * files {@code segue sessions} writes ({@link dev.segue.recsys.data.SessionFiles}).
 *
 * <p>Every reader reports a malformed row as a {@link dev.segue.recsys.data.DataFileException} naming
 * file and line, or skips and counts it with {@link dev.segue.recsys.data.BadRows#skip()}.
 */
package dev.segue.recsys.data;
