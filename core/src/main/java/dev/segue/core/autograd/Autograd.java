package dev.segue.core.autograd;

import dev.segue.core.Shape;
import dev.segue.core.Tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recording and replaying the graph. Every op calls {@link #record} with its output and a backward
 * closure; {@link #backward} walks the graph in reverse topological order and accumulates gradients
 * into the leaves' {@code grad} (and into non-leaves that asked for {@code retainGrad()}).
 */
public final class Autograd {
    private Autograd() {}

    /** Attaches a node to {@code out} when recording is on and an input requires a gradient. */
    public static Tensor record(String op, Tensor out, BackwardFn fn, Tensor... inputs) {
        if (Grad.anomaly()) checkFinite(out, "forward of " + op);
        if (!Grad.enabled()) return out;
        boolean any = false;
        for (Tensor t : inputs) if (t != null && t.requiresGrad()) { any = true; break; }
        if (!any) return out;
        out.attachGradFn(new Node(op, inputs, fn));
        return out;
    }

    private static void checkFinite(Tensor t, String where) {
        if (!t.dtype().isFloating()) return;
        double[] v = t.toDoubleArray();
        for (int i = 0; i < v.length; i++)
            if (!Double.isFinite(v[i]))
                throw new AnomalyException(where + " produced " + v[i] + " at flat index " + i + " of a tensor of shape " + Shape.str(t.shape()));
    }

    /** Back-propagates {@code grad} (same shape as root) through the graph that produced {@code root}. */
    public static void backward(Tensor root, Tensor grad) {
        if (!root.requiresGrad()) throw new IllegalStateException("backward: the tensor does not require a gradient (was it computed under Grad.off(), or from inputs that do not require grad?)");
        if (!Shape.equal(root.shape(), grad.shape()))
            throw new IllegalArgumentException("backward: gradient of shape " + Shape.str(grad.shape()) + " for a tensor of shape " + Shape.str(root.shape()));
        List<Tensor> order = topologicalOrder(root);
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        grads.put(root, grad);
        try (Grad g = Grad.off()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor t = order.get(i);
                Tensor gt = grads.remove(t);
                if (gt == null) continue;
                Node node = t.gradFn();
                if (node == null || t.retainsGrad()) t.accumulateGrad(gt);
                if (node == null) continue;
                Tensor[] gin = node.backward().apply(gt);
                Tensor[] in = node.inputs();
                if (gin.length != in.length) throw new IllegalStateException(node.op() + ": backward returned " + gin.length + " gradients for " + in.length + " inputs");
                for (int k = 0; k < in.length; k++) {
                    Tensor x = in[k];
                    if (x == null || !x.requiresGrad() || gin[k] == null) continue;
                    Tensor gk = gin[k];
                    if (!Shape.equal(gk.shape(), x.shape()))
                        throw new IllegalStateException("backward of " + node.op() + ": gradient of shape " + Shape.str(gk.shape()) + " for input " + k + " of shape " + Shape.str(x.shape()));
                    if (Grad.anomaly()) checkFinite(gk, "backward of " + node.op() + " (input " + k + ")");
                    Tensor prev = grads.get(x);
                    grads.put(x, prev == null ? gk : prev.add(gk));
                }
            }
        }
    }

    /** Tensors reachable from root through grad_fn edges, inputs before outputs. */
    private static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> visited = new IdentityHashMap<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[]{root, 0});
        visited.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            Tensor t = (Tensor) top[0];
            int next = (Integer) top[1];
            Node n = t.gradFn();
            Tensor[] in = n == null ? new Tensor[0] : n.inputs();
            if (next < in.length) {
                top[1] = next + 1;
                Tensor c = in[next];
                if (c != null && c.requiresGrad() && !visited.containsKey(c)) {
                    visited.put(c, Boolean.TRUE);
                    stack.push(new Object[]{c, 0});
                }
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }
}
