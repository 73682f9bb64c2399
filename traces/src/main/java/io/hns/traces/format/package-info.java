/**
 * The readers of the file formats: {@link io.hns.traces.format.RateCsvReader} ({@code rate-csv}),
 * {@link io.hns.traces.format.AzureFunctionsReader} ({@code azure-functions}) and
 * {@link io.hns.traces.format.RequestLogReader} ({@code request-log}); the {@code recorded} format is
 * in {@link io.hns.traces.recorded}. Choose them by name with {@link io.hns.traces.TraceFormat}.
 */
package io.hns.traces.format;
