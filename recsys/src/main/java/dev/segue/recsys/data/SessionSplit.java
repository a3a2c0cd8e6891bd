package dev.segue.recsys.data;

/** Session indices of training, validation and test sets (into one {@link Sessions}). */
public record SessionSplit(int[] train, int[] valid, int[] test) {}
