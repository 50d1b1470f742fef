/**
 * A Salesforce org on loopback for the demo, benchmarks and tests, spoken to by the real camel-salesforce client.
 *
 * <p>Configure camel's {@code salesforce} component against a started {@link
 * io.loyaltybridge.sandbox.salesforce.SalesforceSandbox} {@code sf}:
 * {@code loginUrl=sf.loginUrl()}, {@code authenticationType=CLIENT_CREDENTIALS}, {@code clientId}/{@code
 * clientSecret} from {@code sf.options()}, {@code config.apiVersion=sf.options().apiVersion()},
 * {@code pubSubHost=sf.pubSubHost()}, {@code pubSubPort=sf.pubSubPort()}. The instance URL comes from the token.
 * Pub/Sub is plaintext: add the {@code pubSubSubscribe} route with {@code autoStartup(false)}, call
 * {@code ((PubSubApiConsumer) context.getRoute(id).getConsumer()).setUsePlainTextConnection(true)}, then start it.
 *
 * <p>Change events carry {@code changedFields}/{@code nulledFields} as bitmaps, as the real Pub/Sub API does;
 * {@link io.loyaltybridge.sandbox.salesforce.pubsub.Bitmaps#decode} turns them back into field names.
 */
package io.loyaltybridge.sandbox.salesforce;
