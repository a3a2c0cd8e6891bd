package dev.segue.nn.attention;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.layers.Activation;
import dev.segue.nn.layers.Dropout;
import dev.segue.nn.layers.Linear;

/** The transformer FFN of torch.nn.TransformerEncoderLayer: linear2(dropout(act(linear1(x)))). Not a module itself: the layers own linear1/linear2 by PyTorch's names. */
final class FeedForward {
    private FeedForward() {}

    static Tensor apply(Tensor x, Linear linear1, Linear linear2, Activation act, Dropout dropout) {
        return linear2.forward(dropout.forward(act.apply(linear1.forward(x))));
    }

    static Linear[] make(int d, int ff, Rng rng) {
        return new Linear[]{new Linear(d, ff, true, rng), new Linear(ff, d, true, rng)};
    }
}
