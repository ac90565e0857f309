package dev.heed.core.classification;

import static dev.heed.core.classification.TestPosts.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.model.Kind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lexicon on labelled sentences written for this test (cafés, shops, salons, software, transport, hotels,
 * utilities). Single sentences may be misread; overall accuracy must stay at or above 85%.
 */
class LexiconAccuracyTest {

    private static final int SENTENCES = 42;
    private static final LexiconClassifier CLASSIFIER = new LexiconClassifier();
    private static final Map<String, Boolean> CORRECT = new ConcurrentHashMap<>();

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            COMPLAINT  | Ordered a flat white and waited 25 minutes, then it came out lukewarm. Not good enough.
            COMPLAINT  | Charged twice for the same order at your Camden store, please sort this out
            COMPLAINT  | The stylist was rude and my fringe is uneven. Never again.
            COMPLAINT  | Your app has been down all morning and I can't log in to pay my invoices
            COMPLAINT  | 3rd cancelled train this week. Absolutely ridiculous service.
            COMPLAINT  | Room smelled of smoke and the bathroom was dirty, very disappointed with the stay
            COMPLAINT  | No hot water for two days and still no reply from customer services
            COMPLAINT  | Delivery driver left my parcel in the rain, box was damaged
            COMPLAINT  | Booked a table for 8pm, got seated at 9. Terrible organisation.
            COMPLAINT  | Been on hold for an hour trying to cancel my subscription 😤
            COMPLAINT  | The new update broke the export feature and nobody is answering support tickets
            COMPLAINT  | Wouldn't recommend this salon, they overcharged me for a basic trim
            COMPLAINT  | Bus didn't turn up again, I'm going to be late for work
            COMPLAINT  | Power cut again on our street and your website says nothing. Useless.
            COMPLIMENT | Best cinnamon bun in town, thank you Corner Café!
            COMPLIMENT | Huge thanks to Mia at Bloom for the gorgeous colour, I love it
            COMPLIMENT | The engineer who fixed our boiler was so friendly and quick, much appreciated
            COMPLIMENT | Smooth flight, friendly crew and we landed early 👏
            COMPLIMENT | Been using your invoicing app for a year now and it's brilliant
            COMPLIMENT | Lovely stay at the Harbour Hotel, spotless room and amazing breakfast
            COMPLIMENT | Shout out to the staff at the Market Street shop for being so helpful today
            COMPLIMENT | Not bad at all for a station coffee
            COMPLIMENT | Highly recommend the deep tissue massage, Anna is a star
            COMPLIMENT | The new dashboard is fantastic, great work team
            QUESTION   | Do you have any vegan options on the lunch menu?
            QUESTION   | What time does the Princes Street shop close on Sundays?
            QUESTION   | Can I move my appointment from Tuesday to Thursday?
            QUESTION   | Is there a way to export reports as CSV
            QUESTION   | How long does a refill take to arrive in Glasgow?
            QUESTION   | Does the 9:05 to Bristol have a quiet coach?
            QUESTION   | Anyone know if the hotel parking is free for guests
            QUESTION   | Are you taking bookings for Mother's Day yet?
            QUESTION   | Where can I find my meter reading history in the account page?
            OTHER      | Giveaway time! Follow back and tag 3 friends to win a hamper 🎁
            OTHER      | DM for collab, we promote small businesses
            OTHER      | https://t.co/8sd7Fh2
            OTHER      | #coffee #mondaymood #latteart
            OTHER      | Heading to the city centre for the match this afternoon
            OTHER      | Earn passive income with crypto, link in bio
            OTHER      | Our town's high street has three new shops this month
            OTHER      | @cornercafe @bloomsalon
            OTHER      | Reading about the new tram line plans in the local paper
            """)
    void eachLabelledSentenceGetsAVerdictWithReasons(Kind expected, String text) {
        Classification c = CLASSIFIER.classify(post(text));

        assertThat(c.reasons()).isNotEmpty();
        assertThat(c.confidence()).isBetween(0.0, 1.0);
        CORRECT.put(text, c.kind() == expected);
    }

    @AfterAll
    static void overallAccuracyIsAtLeastEightyFivePercent() {
        assertThat(CORRECT).hasSize(SENTENCES);
        long right = CORRECT.values().stream().filter(Boolean::booleanValue).count();
        assertThat((double) right / CORRECT.size()).isGreaterThanOrEqualTo(0.85);
    }
}
