package dev.segue.nn;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.attention.XLNetStack;
import dev.segue.nn.checkpoint.Checkpoint;
import dev.segue.nn.layers.Activation;
import dev.segue.nn.layers.BatchNorm;
import dev.segue.nn.layers.Linear;
import dev.segue.nn.optim.Adam;
import dev.segue.nn.optim.GradClip;
import dev.segue.nn.optim.LrSchedule;
import dev.segue.nn.optim.Optimizer;
import dev.segue.nn.optim.ParamGroups;
import dev.segue.nn.optim.Scheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training interrupted by a checkpoint and resumed in fresh objects reproduces the uninterrupted run bit for bit. */
class CheckpointResumeTest {

    /** A small model with dropout (consumes the RNG), batch norm (buffers) and XLNet (parameter groups). */
    static final class Net extends Module {
        final XLNetStack enc;
        final BatchNorm bn;
        final Linear head;

        Net(Rng rng) {
            enc = registerModule("enc", new XLNetStack(1, 8, 2, 4, 17, Activation.GELU, 0.03, 0.1, rng));
            bn = registerModule("bn", new BatchNorm(8, 1e-5, 0.1));
            head = registerModule("head", new Linear(8, 3, true, rng));
        }

        Tensor loss(Tensor x, Tensor y) {
            Tensor h = enc.forward(x, null);                                   // [B, T, 8]
            Tensor pooled = bn.forward(h.mean(1, false));                      // [B, 8]
            return head.forward(pooled).crossEntropy(y, -100, 0.1, "mean");
        }
    }

    record Run(Net net, Optimizer opt, Scheduler sched, Rng dropoutRng, Rng dataRng) {}

    static Run fresh() {
        Rng init = new Rng(42);
        Rng dropout = new Rng(43);
        Net net = new Net(init);
        // the dropout modules draw from the init generator; give the test its own handle on it
        Optimizer opt = new Adam(ParamGroups.decayAndNoDecay(net, 1e-2, 0.01), Adam.Variant.ADAMW_HF, 0.9, 0.999, 1e-8);
        return new Run(net, opt, new Scheduler(opt, LrSchedule.linearWarmup(2, 10)), init, new Rng(44));
    }

    static void trainStep(Run r) {
        Tensor x = Tensor.randn(r.dataRng(), 4, 5, 8);
        Tensor y = Tensor.randint(r.dataRng(), 0, 3, 4);
        r.opt().zeroGrad();
        r.net().loss(x, y).backward();
        GradClip.clipGradNorm(r.net().parameters(), 1.0);
        r.opt().step();
        r.sched().advance();
    }

    @Test void resumeIsBitIdentical(@TempDir Path dir) throws java.io.IOException {
        Run straight = fresh();
        for (int s = 0; s < 6; s++) trainStep(straight);

        Run first = fresh();
        for (int s = 0; s < 3; s++) trainStep(first);
        Path file = dir.resolve("ckpt.safetensors");
        Checkpoint.capture(first.net(), first.opt(), 3, 0, Map.of("model", first.dropoutRng(), "data", first.dataRng()), Map.of("note", "test")).save(file);
        assertTrue(Files.exists(file));
        try (var s = Files.list(dir)) { assertEquals(1, s.count(), "no temp files left behind"); }

        Run resumed = fresh();
        Checkpoint c = Checkpoint.load(file);
        assertEquals(3, c.step());
        assertEquals("test", c.extra().get("note"));
        c.restore(resumed.net(), resumed.opt(), Map.of("model", resumed.dropoutRng(), "data", resumed.dataRng()));
        resumed.sched().setStep(c.step());
        for (int s = 3; s < 6; s++) trainStep(resumed);

        Map<String, Tensor> a = straight.net().stateDict(), b = resumed.net().stateDict();
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertArrayEquals(a.get(k).toFloatArray(), b.get(k).toFloatArray(), 0f, k);
        // and the run really trained: parameters moved away from a fresh model's
        assertFalse(java.util.Arrays.equals(fresh().net().stateDict().get("head.weight").toFloatArray(), a.get("head.weight").toFloatArray()));
        // warm-up 2 then linear decay to 0 at 10: rates of steps 0..6 recorded
        assertEquals(java.util.List.of(0.0, 0.005, 0.01, 0.00875, 0.0075, 0.00625, 0.005), straight.sched().history());
        assertNotEquals(0.0, straight.opt().groups().get(0).lr());
    }
}
