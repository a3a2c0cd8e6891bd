/**
 * Audio decoding, resampling and librosa-exact spectral features (STFT, mel, MFCC, CQT, chroma).
 *
 * <p>Entry points: {@link dev.segue.dsp.io.AudioDecoder} (WAV, MP3 via JLayer, Ogg Vorbis via JOrbis, Ogg Opus via
 * Concentus; streaming or whole-file, mono downmix, resampling, fixed duration), {@link dev.segue.dsp.resample.Resampler}
 * (libsoxr-HQ-matched, fast, and scipy-exact polyphase), {@link dev.segue.dsp.spectral.Stft},
 * {@link dev.segue.dsp.spectral.MelSpectrogram}, {@link dev.segue.dsp.spectral.PowerToDb}, {@link dev.segue.dsp.spectral.Mfcc},
 * {@link dev.segue.dsp.spectral.Cqt}, {@link dev.segue.dsp.spectral.Chroma}, {@link dev.segue.dsp.spectral.MusicnnFrontEnd},
 * and {@link dev.segue.dsp.Features} (every feature by name with librosa's defaults, as the CLI uses it).
 *
 * <p>Layouts follow librosa: spectrogram-like results are [bins, frames] row-major ({@link dev.segue.dsp.FloatMatrix});
 * complex results are two float planes ({@link dev.segue.dsp.ComplexMatrix}); the MusiCNN log-mel is [frames, 96].
 * Numbers are checked against librosa 0.11 reference outputs (see the fixture tests). FLAC is not decoded: no maintained
 * pure-Java FLAC decoder is published on Maven Central (jflac's last release is from 2017).
 */
package dev.segue.dsp;
