package dev.segue.recsys.data.sets;

import dev.segue.recsys.data.DataFileException;
import dev.segue.recsys.data.SessionCsr;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntLinkedOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DIGINETICA item views (CIKM Cup 2016, {@code train-item-views.csv}): {@code session_id;user_id;item_id;
 * timeframe;eventdate} with a header, rows grouped by session. Within a session the clicks are ordered
 * by timeframe (stable), as SR-GNN's preprocessing does; a session's date is the eventdate of its last
 * row in the file (that script's rule). {@link #srGnnProtocol} reproduces SR-GNN's split.
 */
public final class DigineticaReader {
    private DigineticaReader() {}

    /** Sessions with the original item ids (as strings), their file ids and dates (epoch seconds, UTC midnight). */
    public record Data(List<String[]> sessions, long[] sessionIds, long[] sessionDates) {
        public int count() { return sessions.size(); }
    }

    public static Data read(Path file) {
        List<String[]> sessions = new ArrayList<>();
        LongArrayList ids = new LongArrayList(), dates = new LongArrayList();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) throw new DataFileException(file, 0, "empty file");
            if (!header.trim().equals("session_id;user_id;item_id;timeframe;eventdate"))
                throw new DataFileException(file, 1, "expected header session_id;user_id;item_id;timeframe;eventdate");
            List<String> items = new ArrayList<>();
            LongArrayList frames = new LongArrayList();
            long current = Long.MIN_VALUE, line = 1, lastDate = 0;
            String s;
            while ((s = r.readLine()) != null) {
                line++;
                if (s.isEmpty()) continue;
                String[] f = s.split(";", -1);
                if (f.length != 5) throw new DataFileException(file, line, "expected 5 ';'-separated fields, found " + f.length);
                long session, frame, date;
                try {
                    session = Long.parseLong(f[0].trim());
                    Long.parseLong(f[2].trim());
                    frame = Long.parseLong(f[3].trim());
                    date = LocalDate.parse(f[4].trim()).toEpochDay() * 86_400L;
                } catch (NumberFormatException | DateTimeParseException e) {
                    throw new DataFileException(file, line, "bad value: " + e.getMessage());
                }
                if (session != current) {
                    if (current != Long.MIN_VALUE) close(items, frames, sessions, dates, lastDate);
                    ids.add(session);
                    current = session;
                }
                items.add(f[2].trim());
                frames.add(frame);
                lastDate = date;
            }
            if (current != Long.MIN_VALUE) close(items, frames, sessions, dates, lastDate);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Data(sessions, ids.toLongArray(), dates.toLongArray());
    }

    /** Ends a session: its clicks in timeframe order (stable for equal frames). */
    private static void close(List<String> items, LongArrayList frames, List<String[]> out, LongArrayList dates, long date) {
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(frames.getLong(a), frames.getLong(b)));
        String[] seq = new String[order.length];
        for (int i = 0; i < order.length; i++) seq[i] = items.get(order[i]);
        out.add(seq);
        dates.add(date);
        items.clear();
        frames.clear();
    }

    /** SR-GNN's split: dense item ids 1…N in training order; test sessions keep known items only. */
    public record Split(SessionCsr train, SessionCsr test, int items) {
        /** Cases when every session of length n gives its n − 1 (prefix, next item) pairs. */
        public static long cases(SessionCsr s) { return s.items().length - s.count(); }
    }

    /**
     * SR-GNN {@code preprocess.py}: drop one-click sessions; drop items seen fewer than 5 times (counted
     * after that) and then sessions left with fewer than 2 clicks; sessions dated after (max date −
     * {@code testDays}) are test, before it training (on it: neither, as the script's strict comparisons
     * do); both sorted by date (stable); items numbered 1…N in order of appearance in training; test
     * sessions keep the known items and need 2 of them.
     */
    public static Split srGnnProtocol(Data d, int testDays) {
        int n = d.count();
        boolean[] keep = new boolean[n];
        Object2IntOpenHashMap<String> counts = new Object2IntOpenHashMap<>();
        for (int s = 0; s < n; s++) {
            keep[s] = d.sessions().get(s).length > 1;
            if (keep[s]) for (String it : d.sessions().get(s)) counts.addTo(it, 1);
        }
        String[][] filtered = new String[n][];
        long maxDate = Long.MIN_VALUE;
        for (int s = 0; s < n; s++) {
            if (!keep[s]) continue;
            filtered[s] = Arrays.stream(d.sessions().get(s)).filter(it -> counts.getInt(it) >= 5).toArray(String[]::new);
            if (filtered[s].length < 2) { keep[s] = false; continue; }
            maxDate = Math.max(maxDate, d.sessionDates()[s]);
        }
        long split = maxDate - 86_400L * testDays;
        List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            if (!keep[s]) continue;
            if (d.sessionDates()[s] < split) train.add(s);
            else if (d.sessionDates()[s] > split) test.add(s);
        }
        java.util.Comparator<Integer> byDate = (a, b) -> Long.compare(d.sessionDates()[a], d.sessionDates()[b]);
        train.sort(byDate);
        test.sort(byDate);
        Object2IntLinkedOpenHashMap<String> dense = new Object2IntLinkedOpenHashMap<>();
        LongArrayList trOff = new LongArrayList(), teOff = new LongArrayList();
        IntArrayList trItems = new IntArrayList(), teItems = new IntArrayList();
        trOff.add(0);
        teOff.add(0);
        for (int s : train) {
            for (String it : filtered[s]) {
                if (!dense.containsKey(it)) dense.put(it, dense.size() + 1);
                trItems.add(dense.getInt(it));
            }
            trOff.add(trItems.size());
        }
        for (int s : test) {
            int before = teItems.size();
            for (String it : filtered[s]) if (dense.containsKey(it)) teItems.add(dense.getInt(it));
            if (teItems.size() - before < 2) teItems.size(before);
            else teOff.add(teItems.size());
        }
        return new Split(new SessionCsr(trOff.toLongArray(), trItems.toIntArray()),
                new SessionCsr(teOff.toLongArray(), teItems.toIntArray()), dense.size());
    }
}
