package com.instainstru.search.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.Map;

/**
 * Sentence embeddings with all-MiniLM-L6-v2 (int8, 384 dimensions) on ONNX Runtime: WordPiece
 * tokens → the model's last hidden state → mean over the attention mask → L2 normalisation.
 * The model and tokenizer are read from the classpath once; nothing is downloaded at run time.
 * Thread-safe: the ONNX session and the tokenizer may be used concurrently.
 */
public final class Embedder implements AutoCloseable {

    public static final int DIMENSIONS = 384;
    static final String MODEL = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    static {
        // Before any DJL class loads: never look for a GPU build or probe cloud metadata addresses.
        System.setProperty("ai.djl.offline", "true");
    }

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    private Embedder(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
    }

    /** Loads the model from the classpath, with {@code threads} intra-op threads per inference. */
    public static Embedder load(int threads) {
        ClassLoader classpath = Embedder.class.getClassLoader();
        try (InputStream model = classpath.getResourceAsStream(MODEL);
                InputStream vocabulary = classpath.getResourceAsStream(TOKENIZER)) {
            if (model == null || vocabulary == null) {
                throw new IllegalStateException(MODEL + " or " + TOKENIZER + " is missing from the classpath");
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(model.readAllBytes(), options);
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false"));
            return new Embedder(env, session, tokenizer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model cannot be loaded", e);
        }
    }

    /** The unit-length embedding of {@code text} (texts past the model's 128 tokens are cut). */
    public float[] embed(String text) {
        Encoding encoding = tokenizer.encode(text == null ? "" : text);
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        long[] types = encoding.getTypeIds();
        long[] shape = {1, ids.length};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor attention = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor typeIds = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
                OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attention,
                        "token_type_ids", typeIds))) {
            float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
            return normalise(meanOverMask(hidden, mask));
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed", e);
        }
    }

    static float[] meanOverMask(float[][] hidden, long[] mask) {
        float[] sum = new float[DIMENSIONS];
        int counted = 0;
        for (int token = 0; token < hidden.length; token++) {
            if (mask[token] != 0) {
                counted++;
                for (int d = 0; d < DIMENSIONS; d++) {
                    sum[d] += hidden[token][d];
                }
            }
        }
        for (int d = 0; d < DIMENSIONS; d++) {
            sum[d] /= Math.max(1, counted);
        }
        return sum;
    }

    static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < v.length; d++) {
            v[d] *= scale;
        }
        return v;
    }

    /** Cosine similarity of two unit vectors. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
        }
        return dot;
    }

    @Override
    public void close() {
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
