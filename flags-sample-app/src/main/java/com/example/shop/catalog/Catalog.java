package com.example.shop.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The products on sale.
 */
@Service
public class Catalog {

	private final List<Product> products = List.of(
			new Product("kettle", "Stovetop kettle", new BigDecimal("39.00"), "kitchen"),
			new Product("grinder", "Burr coffee grinder", new BigDecimal("89.00"), "kitchen"),
			new Product("mug", "Enamel mug", new BigDecimal("12.50"), "kitchen"),
			new Product("lamp", "Reading lamp", new BigDecimal("64.00"), "home"),
			new Product("blanket", "Wool blanket", new BigDecimal("110.00"), "home"),
			new Product("notebook", "Dotted notebook", new BigDecimal("9.90"), "office"));

	public List<Product> all() {
		return this.products;
	}

	public Optional<Product> find(String id) {
		return this.products.stream().filter((product) -> product.id().equals(id)).findFirst();
	}

}
