### प्राप्ति सर्भरले पठाउने इमेल (crates/server mail_text.rs): सन्देश विषय हो, `.body` मुख्य पाठ।
### (helper labels, issue 17)

## unreviewed: the server's mails (helper labels)

mail-register-confirm = Zairyu: आफ्नो इमेल ठेगाना पुष्टि गर्नुहोस्
    .body =
        दर्ता जारी राख्न २४ घण्टाभित्र यो लिङ्क खोल्नुहोस् (एक पटक मात्र चल्छ):
        { $url }

        वा यो कोड Zairyu मा टाँस्नुहोस्: { $code }
mail-user-id = Zairyu: तपाईंको प्रयोगकर्ता ID
    .body = तपाईंको प्रयोगकर्ता ID { $user_id } हो।
mail-staff-user-id = Zairyu: तपाईंको प्रयोगकर्ता ID
    .body = तपाईंको प्रयोगकर्ता ID { $user_id } हो ({ $organisation } को कर्मचारी)।
mail-password-changed = Zairyu: तपाईंको पासवर्ड परिवर्तन भयो
    .body = तपाईंको Zairyu खाताको पासवर्ड परिवर्तन भयो, र अरू सबै साइन-इन समाप्त भए। यो तपाईं होइन भने “पासवर्ड बिर्सनुभयो” बाट नयाँ पासवर्ड राख्नुहोस्।
mail-password-reset = Zairyu: पासवर्ड रिसेट गर्नुहोस्
    .body = नयाँ पासवर्ड राख्ने कोड (२४ घण्टा, एक पटक): { $code }
mail-email-in-use = Zairyu: इमेल ठेगाना परिवर्तन
    .body = कसैले Zairyu खाता यो ठेगानामा सार्न अनुरोध गर्‍यो, तर अर्को खाताले यो ठेगाना प्रयोग गरिसकेकाले केही परिवर्तन भएन। त्यो खाताको ID चाहिएमा “प्रयोगकर्ता ID बिर्सनुभयो” प्रयोग गर्नुहोस्।
mail-email-change-confirm = Zairyu: नयाँ इमेल ठेगाना पुष्टि गर्नुहोस्
    .body = यो ठेगाना पुष्टि गर्ने कोड (२४ घण्टा, एक पटक): { $code }
mail-email-changed = Zairyu: तपाईंको इमेल ठेगाना परिवर्तन भयो
    .body = तपाईंको Zairyu खाताको इमेल ठेगाना परिवर्तन भयो; अबदेखि सन्देशहरू नयाँ ठेगानामा जान्छन्। यो तपाईं होइन भने प्राप्ति कार्यालयमा सम्पर्क गर्नुहोस्।
mail-staff-invitation = Zairyu: संस्थाका कर्मचारीका लागि निमन्त्रणा
    .body =
        तपाईंलाई { $organisation } ({ $organisation_id }) को { $kind } का रूपमा दर्ता हुन निमन्त्रणा गरिएको छ।
        Zairyu मा “निमन्त्रणासहित दर्ता” छान्नुहोस् र ७ दिनभित्र यो कोड प्रविष्ट गर्नुहोस् (एक पटक मात्र चल्छ):
        { $code }
mail-staff-kind-school = संस्थाको कर्मचारी
mail-staff-kind-attorney = वकिल / प्रशासनिक प्रक्रिया कानुनी विशेषज्ञ
mail-application-received = Zairyu: आवेदन प्राप्त भयो
    .body =
        सन्दर्भ नम्बर: { $reference }
        अस्थायी प्राप्ति नम्बर: { $temporary }
        स्थिति: { $status }
mail-resubmission-received = Zairyu: पुनः पेश गरिएको आवेदन प्राप्त भयो
    .body = तपाईंको परिवर्तित आवेदन { $reference } (संस्करण { $version }) प्राप्त भयो।
mail-application-accepted = Zairyu: आवेदन स्वीकार गरियो
    .body = तपाईंको आवेदन { $reference } (अस्थायी प्राप्ति नम्बर { $temporary }) स्वीकार गरियो: अहिलेको स्थिति { $status } हो।
mail-status-changed = Zairyu: तपाईंको आवेदन
    .body = तपाईंको आवेदन { $reference } को स्थिति अब: { $status }
mail-revision-requested = Zairyu: तपाईंको आवेदन
    .body = तपाईंको आवेदन { $reference } मा परिवर्तन चाहिन्छ: { $message }
mail-receipt-method-changed = Zairyu: प्राप्त गर्ने तरिका परिवर्तन भयो
    .body =
        प्राप्त गर्ने तरिका परिवर्तनको तपाईंको आवेदन प्राप्त भयो।
        आवेदन: { $reference } ({ $number_kind } { $number })
        परिवर्तनको वर्गीकरण: { $classification }
        अबको प्राप्त गर्ने तरिका: { $method }
mail-copy = प्रतिलिपि
    .body = { $name } ({ $user_id }) लाई पठाइएको सूचनाको प्रतिलिपि, जसका लागि तपाईंले आवेदन { $reference } पेश गर्नुभयो।
