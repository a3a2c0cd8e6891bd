/** Session-based recommendation: data, embeddings, the T4Rec and RTA models, baselines and evaluation. */
package dev.segue.recsys;
