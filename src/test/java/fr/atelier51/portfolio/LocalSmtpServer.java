package fr.atelier51.portfolio;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real SMTP server on a free local port, enough of RFC 5321 for a client to deliver (EHLO/HELO, MAIL, RCPT, DATA,
 * RSET, NOOP, QUIT). Received messages are parsed with Jakarta Mail, so tests read decoded subjects and bodies.
 */
public final class LocalSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<MimeMessage> received = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public LocalSmtpServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<MimeMessage> received() {
        return List.copyOf(received);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
            reply(out, "220 localhost test SMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-localhost\r\n250 8BITMIME");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder data = new StringBuilder();
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                        }
                        received.add(new MimeMessage(Session.getInstance(new Properties()),
                                new ByteArrayInputStream(data.toString().getBytes(StandardCharsets.UTF_8))));
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (Exception e) {
            // The client went away: nothing to deliver.
        }
    }

    private static void reply(Writer out, String text) throws IOException {
        out.write(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
