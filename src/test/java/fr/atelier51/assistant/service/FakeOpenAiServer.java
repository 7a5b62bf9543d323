package fr.atelier51.assistant.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A local fake of an OpenAI-compatible {@code /v1/chat/completions} endpoint, started by tests (never the internet).
 * Answers in one JSON document, or, when the request asks to {@code stream}, as server-sent events ({@code data:} chunks,
 * then {@code data: [DONE]}). A streamed answer can be held after a number of chunks until {@link #release()}, or cut
 * there ({@link #cutAfter}), to test what the app shows while streaming and when a model fails mid-stream.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public volatile int status = 200;
    /** The answer, from the request's body. */
    public volatile Function<String, String> content = body -> "Bonjour";
    public volatile long delayMillis;
    /** Streamed answers are sent in this many chunks. */
    public volatile int chunks = 6;
    /** After this many chunks, wait for {@link #release()} (-1: never wait). */
    public volatile int holdAfter = -1;
    /** After this many chunks, close the connection without finishing (-1: finish normally). */
    public volatile int cutAfter = -1;
    private volatile CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch held = new CountDownLatch(1);

    public FakeOpenAiServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Lets a held stream go on. */
    public void release() {
        gate.countDown();
    }

    /** Waits until a stream is being held (or the limit passes); true when it is. */
    public boolean awaitHeld(long seconds) throws InterruptedException {
        return held.await(seconds, TimeUnit.SECONDS);
    }

    /** Every legal reference in a text (as {@link Phrasing} compares them), e.g. to answer with all those of the prompt. */
    public static List<String> references(String text) {
        return new ArrayList<>(Phrasing.references(text.replace("\\n", "\n")));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(body);
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (status != 200) {
            send(exchange, status, "{\"error\":{\"message\":\"boom\"}}");
            return;
        }
        String answer = content.apply(body);
        if (!body.replace(" ", "").contains("\"stream\":true")) {
            send(exchange, 200, "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(answer) + "},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            List<String> parts = split(answer, chunks);
            for (int i = 0; i < parts.size(); i++) {
                if (i == cutAfter) {
                    exchange.close(); // the model dies mid-stream
                    return;
                }
                if (i == holdAfter) {
                    held.countDown();
                    gate.await(30, TimeUnit.SECONDS);
                }
                event(out, "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{" + (i == 0 ? "\"role\":\"assistant\"," : "") + "\"content\":" + quote(parts.get(i)) + "},\"finish_reason\":null}]}");
            }
            event(out, "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{},\"finish_reason\":\"stop\"}]}");
            event(out, "[DONE]");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client hung up (a cancelled stream)
        } finally {
            exchange.close();
        }
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static List<String> split(String text, int n) {
        List<String> parts = new ArrayList<>();
        int size = Math.max(1, (int) Math.ceil(text.length() / (double) Math.max(1, n)));
        for (int i = 0; i < text.length(); i += size) {
            parts.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return parts;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
