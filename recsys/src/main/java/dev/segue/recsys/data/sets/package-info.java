/**
 * Readers of the real session data sets in {@code ../shared/data}: #nowplaying as preprocessed for
 * GCE-GNN, Last.fm-1K (and the Last.fm API crawl format), YOOCHOOSE clicks. Every malformed line is an
 * error naming file and line.
 */
package dev.segue.recsys.data.sets;
