package dev.segue.nn.layers;

import dev.segue.core.Tensor;

/** Pointwise activations by name, as configured in model configs ("gelu", "gelu_tanh", …). */
public enum Activation {
    RELU, GELU, GELU_TANH, SILU, SIGMOID, TANH, IDENTITY;

    public Tensor apply(Tensor x) {
        return switch (this) {
            case RELU -> x.relu();
            case GELU -> x.gelu();
            case GELU_TANH -> x.geluTanh();
            case SILU -> x.silu();
            case SIGMOID -> x.sigmoid();
            case TANH -> x.tanh();
            case IDENTITY -> x;
        };
    }

    /** PyTorch / Hugging Face names: relu, gelu (erf), gelu_tanh / gelu_new, silu / swish, sigmoid, tanh. */
    public static Activation parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "relu" -> RELU;
            case "gelu" -> GELU;
            case "gelu_tanh", "gelu_new", "gelu_pytorch_tanh" -> GELU_TANH;
            case "silu", "swish" -> SILU;
            case "sigmoid" -> SIGMOID;
            case "tanh" -> TANH;
            case "identity", "linear" -> IDENTITY;
            default -> throw new IllegalArgumentException("unknown activation '" + name + "'");
        };
    }
}
