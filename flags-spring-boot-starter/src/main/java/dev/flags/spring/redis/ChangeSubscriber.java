package dev.flags.spring.redis;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;

/**
 * Listens to the store's change channel on a dedicated Lettuce pub/sub connection. Lettuce
 * reconnects that connection and subscribes again by itself after Redis comes back; every
 * confirmed subscription, the first and each one after a reconnect, is reported so the store can
 * catch up on what it missed meanwhile. When the first subscription fails (Redis down at start),
 * {@link #ensureSubscribed()} tries again; the store calls it after each successful read.
 * <p>
 * Messages arrive on a Lettuce I/O thread, which must not block: they are handed to the events
 * executor, one at a time and in order.
 */
final class ChangeSubscriber implements MessageListener, SubscriptionListener, AutoCloseable {

	private static final Log logger = LogFactory.getLog(RedisFlagStore.class);

	private final RedisConnectionFactory connectionFactory;

	private final byte[] channel;

	private final String source;

	private final Executor events;

	private final Consumer<@Nullable ChangeMessage> onMessage;

	private final Runnable onSubscribed;

	private final Object lock = new Object();

	private @Nullable RedisConnection connection;

	private volatile boolean subscribed;

	private volatile boolean closed;

	/**
	 * Creates a subscriber; it connects on {@link #ensureSubscribed()}.
	 * @param connectionFactory the connection factory
	 * @param channel the channel
	 * @param source the id of the store object, whose own messages are skipped
	 * @param events the executor that runs the callbacks
	 * @param onMessage called with each message from elsewhere, or null for a message that is not
	 * a change event
	 * @param onSubscribed called when a subscription is confirmed
	 */
	ChangeSubscriber(RedisConnectionFactory connectionFactory, String channel, String source, Executor events,
			Consumer<@Nullable ChangeMessage> onMessage, Runnable onSubscribed) {
		this.connectionFactory = connectionFactory;
		this.channel = channel.getBytes(StandardCharsets.UTF_8);
		this.source = source;
		this.events = events;
		this.onMessage = onMessage;
		this.onSubscribed = onSubscribed;
	}

	/**
	 * Subscribes when not subscribed yet. Never throws: a failure is logged and tried again on the
	 * next call.
	 */
	void ensureSubscribed() {
		if (this.subscribed || this.closed) {
			return;
		}
		synchronized (this.lock) {
			if (this.subscribed || this.closed) {
				return;
			}
			RedisConnection connection = null;
			try {
				connection = this.connectionFactory.getConnection();
				connection.subscribe(this, this.channel);
				this.connection = connection;
				this.subscribed = true;
			}
			catch (RuntimeException ex) {
				closeQuietly(connection);
				logger.warn("Could not subscribe to the flag change channel '"
						+ new String(this.channel, StandardCharsets.UTF_8)
						+ "'; changes made by other instances are seen on the next refresh until it succeeds: " + ex);
			}
		}
	}

	@Override
	public void onMessage(Message message, byte @Nullable [] pattern) {
		ChangeMessage change = ChangeMessage.parse(new String(message.getBody(), StandardCharsets.UTF_8));
		if (change != null && this.source.equals(change.source())) {
			// This store object's own write: its listeners were told when the write returned.
			return;
		}
		dispatch(() -> this.onMessage.accept(change));
	}

	@Override
	public void onChannelSubscribed(byte[] channel, long count) {
		dispatch(this.onSubscribed);
	}

	@Override
	public void close() {
		this.closed = true;
		synchronized (this.lock) {
			this.subscribed = false;
			closeQuietly(this.connection);
			this.connection = null;
		}
	}

	private void dispatch(Runnable task) {
		if (this.closed) {
			return;
		}
		try {
			this.events.execute(task);
		}
		catch (RejectedExecutionException ex) {
			// Closed meanwhile.
		}
	}

	private static void closeQuietly(@Nullable RedisConnection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (RuntimeException ex) {
				// Closing a connection to a server that is gone may fail; nothing is left to release.
			}
		}
	}

}
