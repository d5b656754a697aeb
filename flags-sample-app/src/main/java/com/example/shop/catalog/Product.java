package com.example.shop.catalog;

import java.math.BigDecimal;

/**
 * A product of the shop.
 *
 * @param id the product id
 * @param name its name
 * @param price its price in euros
 * @param category its category
 */
public record Product(String id, String name, BigDecimal price, String category) {
}
