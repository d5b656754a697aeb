package dev.flags.core.experiment;

/**
 * One variant's side of a comparison.
 *
 * @param variant the variant's name
 * @param users the number of users
 * @param mean the mean value per user, for a binomial metric the conversion rate; 0 when there
 * are no users
 * @param variance the per-user variance used by the analysis: {@code p(1 − p)} for a binomial
 * metric, the sample variance for a continuous one
 */
public record VariantSummary(String variant, long users, double mean, double variance) {

}
