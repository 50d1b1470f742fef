package io.loyaltybridge.privacy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything logged while it is attached, as the app's appender would write it: level, logger, thread, message, MDC
 * and the stack of any exception. our code and Camel's CRM-facing components are lowered to DEBUG meanwhile, so one run covers both checks.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    record Line(Level level, String text) {
    }

    final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Logger root;
    /** Our code, and Camel's components that talk to the CRMs (login, HTTP, Pub/Sub): these at DEBUG too. */
    private static final List<String> LOWERED = List.of("io.loyaltybridge", "org.apache.camel.component.salesforce",
            "org.apache.camel.component.http", "org.apache.camel.http", "org.apache.camel.component.platform.http");
    private final List<Logger> lowered;
    private final List<Level> levelsBefore;

    LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        setContext(context);
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        lowered = LOWERED.stream().map(context::getLogger).toList();
        levelsBefore = lowered.stream().map(Logger::getLevel).toList();
        lowered.forEach(logger -> logger.setLevel(Level.DEBUG));
        start();
        root.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder text = new StringBuilder().append(event.getLevel()).append(' ').append(event.getThreadName())
                .append(' ').append(event.getLoggerName()).append(" - ").append(event.getFormattedMessage());
        event.getMDCPropertyMap().forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
        if (event.getThrowableProxy() != null) {
            text.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        lines.add(new Line(event.getLevel(), text.toString()));
    }

    /** Lines at INFO or above: what the app writes at the level it runs with. */
    List<String> atInfo() {
        return lines.stream().filter(l -> l.level().isGreaterOrEqual(Level.INFO)).map(Line::text).toList();
    }

    /** Lines at DEBUG of our own code: where personal data may appear (never secrets). */
    List<String> ourDebug() {
        return lines.stream().filter(l -> l.level() == Level.DEBUG && l.text().contains(" io.loyaltybridge."))
                .map(Line::text).toList();
    }

    List<String> all() {
        return lines.stream().map(Line::text).toList();
    }

    @Override
    public void close() {
        root.detachAppender(this);
        for (int i = 0; i < lowered.size(); i++) {
            lowered.get(i).setLevel(levelsBefore.get(i));
        }
        stop();
    }
}
