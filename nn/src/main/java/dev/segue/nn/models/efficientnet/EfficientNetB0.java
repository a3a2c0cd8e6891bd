package dev.segue.nn.models.efficientnet;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Module;
import dev.segue.nn.ModuleList;

/**
 * torchvision efficientnet_b0 feature extractor (classifier removed), with a configurable number of
 * input channels for spectrograms (stem Conv2d(inChannels, 32, 3, stride 2, padding 1, no bias)).
 * Names features.{0..8}.… as in torchvision's state dict. x [N, C, H, W] → pooled [N, 1280].
 */
public final class EfficientNetB0 extends Module {
    public record Output(Tensor featureMap, Tensor pooled) {}

    /** (expand ratio, kernel, stride, in, out, repeats) of the seven B0 stages. */
    private static final int[][] STAGES = {
            {1, 3, 1, 32, 16, 1}, {6, 3, 2, 16, 24, 2}, {6, 5, 2, 24, 40, 2}, {6, 3, 2, 40, 80, 3},
            {6, 5, 1, 80, 112, 3}, {6, 5, 2, 112, 192, 4}, {6, 3, 1, 192, 320, 1}};

    private final ConvNormActivation stem, head;
    private final java.util.List<MBConv> blocks = new java.util.ArrayList<>();

    public EfficientNetB0(int inChannels, double bnEps, Rng rng) {
        ModuleList<Module> features = registerModule("features", new ModuleList<>());
        stem = (ConvNormActivation) features.add(new ConvNormActivation(inChannels, 32, 3, 2, 1, true, bnEps, rng));
        for (int[] s : STAGES) {
            ModuleList<MBConv> stage = new ModuleList<>();
            for (int r = 0; r < s[5]; r++)
                blocks.add(stage.add(new MBConv(s[0], s[1], r == 0 ? s[2] : 1, r == 0 ? s[3] : s[4], s[4], bnEps, rng)));
            features.add(stage);
        }
        head = (ConvNormActivation) features.add(new ConvNormActivation(320, 1280, 1, 1, 1, true, bnEps, rng));
    }

    public Output forward(Tensor x) {
        Tensor y = stem.forward(x);
        for (MBConv b : blocks) y = b.forward(y);
        Tensor map = head.forward(y);                                     // [N, 1280, H/32, W/32]
        return new Output(map, map.mean(new int[]{2, 3}, false));
    }
}
