package dev.segue.dsp;

import dev.segue.core.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TensorConversionTest {
    @Test
    void matricesConvertToTensorsAndBack() {
        FloatMatrix m = new FloatMatrix(2, 3, new float[]{1, 2, 3, 4, 5, 6});
        Tensor t = m.toTensor();
        assertArrayEquals(new int[]{2, 3}, t.shape());
        assertEquals(6.0, t.select(0, 1).select(0, 2).item());
        FloatMatrix back = FloatMatrix.of(t.transpose(0, 1));
        assertArrayEquals(new float[]{1, 4, 2, 5, 3, 6}, back.data());
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.of(Tensor.zeros(2, 2, 2)));
        ComplexMatrix c = new ComplexMatrix(1, 2, new float[]{1, 2}, new float[]{-1, -2});
        assertArrayEquals(new float[]{1, 2, -1, -2}, c.toTensor().toFloatArray());
        assertArrayEquals(new int[]{2, 1, 2}, c.toTensor().shape());
    }
}
