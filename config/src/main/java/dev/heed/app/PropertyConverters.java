package dev.heed.app;

import dev.heed.core.model.ChannelRef;
import dev.heed.core.sla.ResponseTarget;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

/**
 * Converters for the value types used in {@link HeedProperties}. A value they cannot read fails binding, and Boot
 * reports the property, the value and the accepted form given in the exception's message.
 */
@Configuration(proxyBeanMethods = false)
class PropertyConverters {

    @Bean
    @ConfigurationPropertiesBinding
    static Converter<String, ResponseTarget> responseTargetConverter() {
        return new Converter<>() {
            @Override
            public ResponseTarget convert(String source) {
                return ResponseTarget.parse(source);
            }
        };
    }

    @Bean
    @ConfigurationPropertiesBinding
    static Converter<String, ChannelRef> channelRefConverter() {
        return new Converter<>() {
            @Override
            public ChannelRef convert(String source) {
                return ChannelRef.parse(source);
            }
        };
    }
}
