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
