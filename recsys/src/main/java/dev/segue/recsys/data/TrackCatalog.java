package dev.segue.recsys.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The tracks of a corpus with their artist (Music4All {@code id_information.csv}) and, when present,
 * genres ({@code id_genres.csv}). Track index i is the same as in the listening history read with it.
 */
public record TrackCatalog(IdDictionary tracks, List<String> artist, List<String> genres) {

    /** Dense artist index of every track index (artists numbered in order of first appearance). */
    public int[] artistIndex() {
        IdDictionary artists = new IdDictionary();
        int[] out = new int[tracks.size()];
        for (int i = 0; i < out.length; i++) out[i] = artists.add(i < artist.size() && artist.get(i) != null ? artist.get(i) : "");
        return out;
    }

    public static TrackCatalog empty() { return new TrackCatalog(new IdDictionary(), new ArrayList<>(), new ArrayList<>()); }
}
