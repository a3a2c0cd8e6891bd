/**
 * The synthetic Music4All corpus of {@code segue synth}: a planted world of genres, artists and tracks
 * with musical styles ({@link dev.segue.recsys.data.synth.SynthCatalog}), a listening process with real
 * structure ({@link dev.segue.recsys.data.synth.SessionProcess}), audio clips that carry the style
 * ({@link dev.segue.recsys.data.synth.AudioSynth}) and the writer of the Music4All layout plus the
 * planted truth ({@link dev.segue.recsys.data.synth.SyntheticCorpus}).
 */
package dev.segue.recsys.data.synth;
