// Surnames of Turkish, Arabic, Persian, South Asian, South-East and East Asian cultures, romanised as
// usually written in English-language documents, from general knowledge of common family names.
// Arabic "Al-"/"El-" prefixed names are listed by their main word; the detector strips the prefix.
export const SURNAMES_ASIA: Readonly<Record<string, string>> = {
  // Turkish.
  turkish: `Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara
    Koç Kurt Özkan Şimşek Polat Özcan Korkmaz Çakır Erdoğan Yavuz Can Acar Şen Aktaş Güler Yalçın Güneş Bozkurt Bulut
    Keskin Ünal Turan Gül Özer Işık Kaplan Avcı Sarı Tekin Taş Köse Yüksel Ateş Aksoy Karataş Kocabaş Erdem Akın
    Karaca Uçar Tunç Duman Altun Güven Bayram Bilgin Türk Tuncer Ekinci Aydoğan Sevim Oral Çiftçi Uysal Başaran Savaş`,
  // Arabic (Gulf, Levant, Egypt, Maghreb) and common Arabic family names of tribal or place origin.
  arabic: `Abbas Abdallah Abdelaziz Abdullah Ahmed Ali Amin Ashour Attia Awad Aziz Badawi Bakr Barakat Bishara Boutros
    Darwish Fahmy Farah Farouk Fayed Ghanem Habib Haddad Hakim Halabi Hamdi Hamid Hassan Hijazi Hussein Ibrahim Issa
    Jaber Jaafar Kamal Kanaan Karam Khalaf Khalifa Khalil Khoury Khouri Mahmoud Mansour Masri Moussa Mustafa Nader
    Najjar Nasr Nasser Omar Osman Qasim Rahman Rashid Saad Saade Saber Sabbagh Saleh Salem Salama Sayed Shaheen Shahin
    Sharif Suleiman Tahan Taha Tamimi Wahba Yassin Youssef Zaki Zayed Zidan Zein Hariri Jumblatt Sabah Thani Nahyan
    Maktoum Saud Qahtani Otaibi Ghamdi Zahrani Shehri Dosari Mutairi Harbi Anazi Shammari Farsi Rashidi Nuaimi Kaabi
    Mazrouei Suwaidi Balushi Hinai Busaidi Kuwari Marri Kubaisi Tikriti Jaziri Benali Benjelloun Bennani Alaoui Idrissi
    Tazi Berrada Chraibi Fassi Haddou Bouazizi Mebarki Belkacem Boumediene Bouteflika Zerhouni Ziani Chaabane Hamdani`,
  // Persian and Afghan.
  persian: `Mohammadi Hosseini Ahmadi Rezaei Moradi Karimi Hashemi Rahimi Jafari Ghasemi Kazemi Sadeghi Hosseinzadeh
    Mousavi Tehrani Shirazi Esfahani Tabrizi Rostami Bagheri Akbari Amini Azizi Ebrahimi Habibi Heidari Jalali Kamali
    Khani Khalili Mahmoudi Najafi Nazari Nouri Rahmani Rashidi Safavi Salehi Soltani Taheri Yazdani Zamani Zand Farahani
    Ghorbani Asadi Alavi Afshar Ansari Bahrami Daneshvar Etemadi Forouhar Golestani Hakimi Irani Javadi Kashani Latifi
    Mirzaei Naderi Parvizi Qasemi Rahnama Sharifi Tavakoli Vaziri Zarei Karzai Ghani Popal Barakzai Durrani Noorzai`,
  // South Asian: Indian (north and south), Pakistani, Bangladeshi, Sri Lankan and Nepali.
  south_asian: `Sharma Verma Gupta Singh Kumar Patel Shah Mehta Joshi Desai Reddy Rao Nair Menon Pillai Iyer Iyengar Naidu
    Chaudhary Choudhury Chowdhury Agarwal Aggarwal Bansal Goel Goyal Jain Mittal Garg Singhal Kapoor Khanna Malhotra
    Chopra Arora Bhatia Sethi Kohli Ahuja Batra Bajaj Grover Sood Tandon Saxena Srivastava Shukla Tiwari Tripathi Mishra
    Pandey Dubey Dwivedi Trivedi Chaturvedi Upadhyay Bhatt Bhat Pandit Dixit Awasthi Bajpai Yadav Chauhan Rathore Rajput
    Thakur Rana Negi Bisht Rawat Bhandari Kulkarni Deshpande Deshmukh Patil Pawar Jadhav Shinde Gaikwad Kale More Joshi
    Naik Gowda Hegde Shetty Kamath Pai Shenoy Bhandarkar Prabhu Acharya Banerjee Bannerjee Chatterjee Mukherjee
    Bhattacharya Bhattacharjee Ganguly Ghosh Bose Basu Das Dutta Datta Sen Sengupta Mitra Chakraborty Chakrabarti Roy
    Sarkar Majumdar Mazumdar Biswas Mondal Mandal Saha Paul Pal Dey Nath Haldar Krishnan Subramanian Ramachandran
    Venkataraman Raghavan Srinivasan Narayanan Gopalan Rajagopal Balasubramanian Sundaram Natarajan Ramaswamy
    Swaminathan Viswanathan Chandrasekhar Murthy Murty Raju Varma Varghese Thomas Kurian Mathew Cherian Joseph Abraham
    Gill Sandhu Sidhu Dhillon Grewal Brar Sekhon Bains Bajwa Virk Cheema Chahal Randhawa Johal Mann Sahota Kang Toor
    Khan Ahmed Hussain Hussein Qureshi Siddiqui Sheikh Shaikh Malik Butt Chaudhry Rizvi Naqvi Jafri Zaidi Abbasi
    Mirza Baig Beg Ansari Hashmi Farooqui Akhtar Iqbal Javed Aslam Rehman Rahman Haque Hoque Islam Uddin Alam Hossain
    Perera Fernando Silva Jayawardena Wickramasinghe Bandara Dissanayake Gunawardena Rajapaksa Senanayake Ratnayake
    Shrestha Thapa Gurung Tamang Magar Rai Limbu Adhikari Bhattarai Koirala Poudel Sharma Karki Basnet Khadka`,
  // Chinese (pinyin, plus Cantonese, Hokkien and Wade-Giles spellings used in Hong Kong, Taiwan, Singapore).
  chinese: `Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song Tang
    Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lü Ding Ren Lu Yao Shen Zhong
    Jiang Cui Tan Fan Wan Fu Lai Jia Xia Qiu Fang Kong Bai Shi Mao Qin Yan Yin Niu Hou Gu Meng Long Duan Lei Qian Tang
    Chan Cheung Wong Leung Lau Ng Ho Chow Tsang Tse Yip Kwok Lam Lee Chu Mak Chiu Fung Kwan Tam Chung Yeung Poon Tong
    Choi Tsui Lo Lui Au Siu Wan Yau Kwong Law Pang Tsoi Sze Cheng Chau Leong Chong Lim Tan Teo Goh Ong Koh Chua Ang Yeo
    Sim Foo Seah Toh Quek Low Heng Chia Tay Neo Hsu Chang Chiang Tsai Hsieh Kuo Huang Lin Chien Liao Yeh Kao`,
  // Japanese.
  japanese: `Sato Satō Suzuki Takahashi Tanaka Watanabe Ito Itō Yamamoto Nakamura Kobayashi Kato Katō Yoshida Yamada
    Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Yamashita Ishikawa
    Nakajima Maeda Fujita Ogawa Goto Okada Hasegawa Murakami Kondo Ishii Saito Sakamoto Endo Aoki Fujii Nishimura
    Fukuda Ota Miura Fujiwara Okamoto Matsuda Nakagawa Nakano Harada Ono Tamura Takeuchi Kaneko Wada Nakayama Ishida
    Ueda Morita Hara Shibata Sakai Kudo Yokoyama Miyazaki Miyamoto Uchida Takagi Ando Taniguchi Ohno Maruyama Imai
    Takada Fujimoto Takeda Murata Ueno Sugiyama Masuda Sugawara Hirano Otsuka Chiba Kubo Matsui Iwasaki Sakurai Kinoshita
    Noguchi Matsuo Nomura Kikuchi Sano Onishi Sugimoto Arai Hamada Ichikawa Furukawa Mizuno Komatsu Shimada Igarashi`,
  // Korean.
  korean: `Kim Lee Yi Rhee Park Pak Bak Choi Choe Jung Jeong Chung Kang Cho Jo Yoon Yun Jang Chang Lim Im Han Oh Seo Suh
    Shin Sin Kwon Gwon Hwang Ahn An Song Yoo Yu Ryu Hong Jeon Jun Chun Ko Go Moon Mun Yang Son Bae Baek Paek Heo Hur
    Nam Noh Roh Ha Kwak Gwak Sung Seong Cha Joo Ju Woo Min Jin Na Um Eom Won Chae Byun Byeon Cheon Bang Gong Hyun Pyo`,
  // Vietnamese (written with and without diacritics; both fold to one entry).
  vietnamese: `Nguyễn Nguyen Trần Tran Lê Le Phạm Pham Hoàng Hoang Huỳnh Huynh Phan Vũ Vu Võ Vo Đặng Dang Bùi Bui Đỗ Do
    Hồ Ho Ngô Ngo Dương Duong Lý Ly Đinh Dinh Đào Dao Trương Truong Lâm Lam Mai Cao Tạ Ta Hà Ha Lương Luong Quách Quach
    Châu Chau Kiều Kieu Thái Thai Tôn Ton Triệu Trieu Văn Van Lưu Luu Tăng Tang Vương Vuong Khúc Khuc Doãn Doan Mạc Mac`,
  // Indonesian, Malay and Filipino.
  south_east_asian: `Santoso Wijaya Susanto Gunawan Hidayat Kusuma Halim Tanoto Salim Setiawan Wibowo Saputra Pratama
    Nugroho Siregar Nasution Simanjuntak Sitompul Hutapea Lubis Harahap Pane Sinaga Purba Ginting Tarigan Sembiring
    Kurniawan Hartono Prasetyo Utomo Suryadi Sugiarto Rahardjo Wahyudi Firmansyah Hakim Lestari Putri Sari Purnomo
    Abdullah Ismail Hamzah Rahman Osman Yusof Aziz Razak Hashim Ibrahim Othman Jamaluddin Mahathir Anwar Kadir
    Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo Flores Villanueva Ramos Castro
    Rivera Aquino Navarro Salazar Mercado Domingo Gonzales Lopez Manalo Pascual Soriano Tolentino Valdez`,
};
