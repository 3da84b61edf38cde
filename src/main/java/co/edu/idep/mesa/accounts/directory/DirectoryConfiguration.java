package co.edu.idep.mesa.accounts.directory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The directory settings ({@code mesa.directory.*}). */
@Configuration
@EnableConfigurationProperties(DirectoryProperties.class)
public class DirectoryConfiguration {}
