/**
 * Item embeddings: import/alignment ({@link dev.segue.recsys.embed.ItemEmbeddings}), the {@code mfcc-stats}
 * audio embedding ({@link dev.segue.recsys.embed.MfccStats}, extracted in parallel by
 * {@link dev.segue.recsys.embed.AudioEmbeddingExtractor}) and the contrastive session tuning
 * ({@link dev.segue.recsys.embed.ContrastiveTuner}, the study's "MusiCNN-tuned" step).
 */
package dev.segue.recsys.embed;
