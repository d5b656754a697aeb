package com.example.shop.recommendations;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.example.shop.catalog.Catalog;
import com.example.shop.catalog.Product;
import dev.flags.spring.FeatureFlag;

import org.springframework.stereotype.Service;

/**
 * Personal recommendations from an external engine, which is flaky. The {@code recommendations}
 * kill switch guards it: when on-call turns it off, the shop shows its best sellers instead, and
 * the engine is not called at all.
 */
@Service
public class Recommendations {

	private final Catalog catalog;

	private final AtomicBoolean engineDown = new AtomicBoolean();

	private volatile int engineCalls;

	Recommendations(Catalog catalog) {
		this.catalog = catalog;
	}

	@FeatureFlag(value = "recommendations", fallback = "bestSellers")
	public List<Product> forVisitor(String visitor) {
		this.engineCalls++;
		if (this.engineDown.get()) {
			throw new IllegalStateException("The recommendation engine timed out");
		}
		List<Product> products = this.catalog.all();
		int start = Math.floorMod(visitor.hashCode(), products.size());
		return List.of(products.get(start), products.get((start + 1) % products.size()));
	}

	List<Product> bestSellers(String visitor) {
		return this.catalog.all().subList(0, 2);
	}

	/**
	 * Simulates an outage of the engine, to try the kill switch.
	 * @param down whether the engine fails
	 */
	public void simulateOutage(boolean down) {
		this.engineDown.set(down);
	}

	/**
	 * How often the engine was called.
	 * @return the number of calls
	 */
	public int engineCalls() {
		return this.engineCalls;
	}

}
