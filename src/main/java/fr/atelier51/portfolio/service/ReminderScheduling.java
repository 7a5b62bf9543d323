package fr.atelier51.portfolio.service;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the daily review-reminder check. */
@Configuration
@EnableScheduling
class ReminderScheduling {
}
