package dev.segue.nn;

import dev.segue.core.Tensor;

/** A plain named container for grouping children under a PyTorch name (e.g. conv_layers.0.{conv, layer_norm}). */
public final class Container extends Module {
    public <M extends Module> M put(String name, M m) { return registerModule(name, m); }

    /** A parameter owned directly by the container (weight-normalised convs keep weight_g/weight_v here). */
    public Tensor registerParam(String name, Tensor value) { return registerParameter(name, value); }
}
