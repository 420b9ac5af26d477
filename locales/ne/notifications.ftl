## unreviewed: written by the languages helper (issue 17), not yet reviewed by a native speaker

notification-title = आवेदनको स्थिति: { $status }
notification-body = { $procedure } (सन्दर्भ { $reference }) अब “{ $status }” छ।
notification-body-returned = { $procedure } (सन्दर्भ { $reference }) अब “{ $status }” छ। के परिवर्तन गर्नुपर्छ हेर्न Zairyu खोल्नुहोस्।
notification-status-pending = प्रक्रियामा
notification-status-application_completed = आवेदन सम्पन्न
notification-status-under_review = परीक्षणमा
notification-status-awaiting_issuance = जारी हुन पर्खँदै
notification-status-in_return_process = सुधारका लागि फिर्ता
notification-status-completed = सम्पन्न
notification-status-completed_not_permitted = सम्पन्न (अनुमति नदिइएको)

## unreviewed: card-expiry helper (issue 16): the card's certificate ends too early for an application

notification-card-expiry-title = तपाईंको माइ नम्बर कार्डको प्रमाणपत्र चाँडै समाप्त हुँदैछ
notification-card-expiry-before-decision = कार्डको प्रयोगकर्ता-प्रमाणीकरण प्रमाणपत्र { $card } मा समाप्त हुन्छ, { $procedure } को निर्णय (लगभग { $decision }) हुनुअघि नै। त्यसअघि नगरपालिका कार्यालयमा प्रमाणपत्र नवीकरण गर्नुहोस्, वा अध्यागमन कार्यालयमा आफैं गएर आवेदन दिनुहोस्।
notification-card-expiry-before-stay = कार्डको प्रयोगकर्ता-प्रमाणीकरण प्रमाणपत्र { $card } मा समाप्त हुन्छ, तपाईंको बसाइ अवधि ({ $stay }) सकिनुअघि नै। { $card } अघि नगरपालिका कार्यालयमा नवीकरण गर्नुहोस्।

## unreviewed: installed helper (issue 16): the card's certificate ends while a filed application is still examined
notification-card-expiry-while-pending = कार्डको प्रयोगकर्ता-प्रमाणीकरण प्रमाणपत्र { $card } मा समाप्त हुन्छ, तर { $procedure } (सन्दर्भ { $reference }) अझै जाँच हुँदैछ (निर्णय लगभग { $decision } मा अपेक्षित)। त्यसपछि अनलाइन सम्हाल्न सकिँदैन: { $card } अघि नगरपालिका कार्यालयमा प्रमाणपत्र नवीकरण गर्नुहोस्।
