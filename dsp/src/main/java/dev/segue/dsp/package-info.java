/** Audio decoding, resampling and librosa-exact spectral features (STFT, mel, MFCC, CQT, chroma). */
package dev.segue.dsp;
