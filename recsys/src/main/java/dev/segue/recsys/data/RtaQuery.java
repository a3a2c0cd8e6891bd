package dev.segue.recsys.data;

/**
 * One playlist-continuation query: the first {@code seeds.length} songs of a session are shown (the
 * group is that number, 1…10) and the remaining songs are the ground truth (seed songs removed, since
 * recommendations exclude seeds; each song once). Items are dense ids.
 */
public record RtaQuery(int session, int group, int[] seeds, int[] truth) {}
