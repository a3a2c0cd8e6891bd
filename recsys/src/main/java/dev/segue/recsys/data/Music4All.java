package dev.segue.recsys.data;

/** A Music4All-layout corpus as read: the listening history and the catalogue it refers to. */
public record Music4All(ListeningHistory history, TrackCatalog catalog) {}
